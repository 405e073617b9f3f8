import QtQuick

// Holds taps back while one screen gives way to another, and for a moment after: a guest's
// double tap (or a tap meant for the old screen) must not act on the new one. Laid over the
// screens; `page` names what is on screen, and every change of it starts a hold.
//
// How long: the fade (300 ms, 200 with reduced motion) and then `settle` more, 600 ms in all.
// Double taps come 100-500 ms apart; a tap meant for a new screen comes after the guest has
// seen it, a good 250 ms after it is whole. Nothing that ends a journey sits where a screen's
// main button was, so a tap that comes later still does no harm.
MouseArea {
    id: guard
    required property string page
    property int fade: 300
    property int settle: 300
    readonly property bool holding: hold.running
    anchors.fill: parent
    enabled: holding
    // Taken, and nothing done with them: the touch watcher in app.py still sees each one.
    acceptedButtons: Qt.AllButtons
    preventStealing: true
    onPageChanged: hold.restart()

    Timer {
        id: hold
        interval: guard.fade + guard.settle
    }
}

import QtQuick

// One screen of the kiosk: fades in when shown, and takes no taps while hidden.
Item {
    property bool shown: false
    property int fade: 300
    anchors.fill: parent
    opacity: shown ? 1 : 0
    visible: opacity > 0
    enabled: shown
    Behavior on opacity { NumberAnimation { duration: fade; easing.type: Easing.InOutQuad } }
}

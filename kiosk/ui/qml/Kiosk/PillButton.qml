import QtQuick

// A large, rounded button; answers a tap at once (press state) and never relies on hover.
Rectangle {
    id: button
    required property var style
    property string text
    property bool primary: true
    property bool quiet: false
    signal tapped()
    // For screen readers: the words without the arrows drawn beside them.
    property string accessibleName: text.replace(/[\u2039\u203A]/g, "").trim()
    property string accessibleDescription: ""
    // A button that stays on or off (larger text): shown as primary while on.
    property bool checkable: false
    property bool checked: false

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.description: accessibleDescription
    Accessible.checkable: checkable
    Accessible.checked: checked
    Accessible.focusable: true
    // A press from assistive technology (AT-SPI's action) obeys the same hold after a change
    // of screen as a tap (TapGuard.qml): it is refused while the window holds taps back.
    Accessible.onPressAction: if (button.enabled && button.Window.window
                                  && button.Window.window.tapsTaken !== false) button.tapped()

    implicitHeight: quiet ? style.buttonHeight * 0.8 : style.buttonHeight
    implicitWidth: Math.max(implicitHeight * 2.4, label.implicitWidth + style.buttonHeight * 0.9)
    radius: height / 2
    color: quiet ? "transparent" : (primary ? style.accent : style.surface)
    border.width: primary || quiet ? 0 : Math.max(2, 2 * style.s)
    border.color: style.tint(style.text, 0.35)
    opacity: enabled ? 1 : 0.4
    scale: tap.pressed ? 0.97 : 1
    Behavior on scale { NumberAnimation { duration: 90 } }
    Behavior on opacity { NumberAnimation { duration: 150 } }

    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: button.primary && !button.quiet ? "#FFFFFF" : button.style.text
        opacity: tap.pressed ? 0.18 : 0
    }
    Text {
        id: label
        Accessible.ignored: true  // the button carries the name
        anchors.centerIn: parent
        width: Math.min(implicitWidth, button.width - button.height * 0.6)
        text: button.text
        font.family: button.style.family
        font.pixelSize: button.quiet ? button.style.buttonSize * 0.85 : button.style.buttonSize
        font.weight: button.quiet ? Font.Medium : Font.DemiBold
        color: button.primary && !button.quiet ? button.style.background : button.style.text
        elide: Text.ElideRight
        font.underline: button.quiet
    }
    TapHandler {
        id: tap
        enabled: button.enabled
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.tapped()
    }
}

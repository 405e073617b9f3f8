import QtQuick

// One answer the guest can tap: icon, label and an unmistakable selected state (never colour alone).
Rectangle {
    id: card
    required property var style
    required property var option
    property bool selected: false
    property bool available: true
    // Chosen, and about to move on: it stays pressed for the moment it shows.
    property bool held: false
    property real labelSize: style.labelSize
    signal tapped()

    // For screen readers: a check box (several may be chosen) or a radio button (one), which
    // says whether it is chosen. Presses obey the hold after a change of screen (PillButton.qml).
    Accessible.role: multiple ? Accessible.CheckBox : Accessible.RadioButton
    Accessible.name: option.label
    Accessible.checkable: true
    Accessible.checked: selected
    Accessible.focusable: true
    function press() {
        if (card.Window.window && card.Window.window.tapsTaken !== false)
            card.tapped()
    }
    Accessible.onPressAction: press()
    Accessible.onToggleAction: press()

    objectName: "option_" + option.id
    radius: style.radius
    color: selected ? Qt.tint(style.surface, style.tint(style.accent, 0.22)) : style.surface
    border.width: selected ? Math.max(3, 3 * style.s) : Math.max(1, style.s)
    border.color: selected ? style.accent : style.tint(style.text, 0.14)
    opacity: available || selected ? 1 : 0.45
    scale: tap.pressed || held ? 0.97 : 1
    Behavior on scale { NumberAnimation { duration: 90 } }
    Behavior on color { ColorAnimation { duration: 120 } }

    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: card.style.text
        opacity: tap.pressed || card.held ? 0.10 : 0
    }
    Image {
        id: icon
        Accessible.ignored: true  // a picture beside the label, which says it all
        visible: card.option.icon !== "" && status === Image.Ready
        anchors.left: parent.left
        anchors.leftMargin: card.style.gap * 1.2
        anchors.verticalCenter: parent.verticalCenter
        width: card.option.icon !== "" ? Math.min(card.height * 0.55, 72 * card.style.s * card.labelSize / card.style.labelSize) : 0
        height: width
        sourceSize: Qt.size(width, height)
        source: card.option.icon
        asynchronous: true
        fillMode: Image.PreserveAspectFit
    }
    Text {
        id: label
        objectName: "optionLabel_" + card.option.id
        Accessible.ignored: true  // the card carries the name
        anchors.left: icon.visible ? icon.right : parent.left
        anchors.leftMargin: card.style.gap * 1.2
        anchors.right: check.left
        anchors.rightMargin: card.style.gap * 0.8
        anchors.verticalCenter: parent.verticalCenter
        height: parent.height - card.style.gap
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignLeft  // mirrored right to left (FitText.qml)
        text: card.option.label
        font.family: card.style.family
        font.pixelSize: card.labelSize
        font.weight: Font.Medium
        minimumPixelSize: Math.round(card.labelSize * 0.75)
        fontSizeMode: Text.Fit
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        elide: Text.ElideRight
        color: card.style.text
        textFormat: Text.PlainText
    }
    Rectangle {
        id: check
        anchors.right: parent.right
        anchors.rightMargin: card.style.gap * 1.2
        anchors.verticalCenter: parent.verticalCenter
        width: 44 * card.style.s
        height: width
        radius: card.multiple ? 10 * card.style.s : width / 2
        color: card.selected ? card.style.accent : "transparent"
        border.width: card.selected ? 0 : Math.max(2, 2 * card.style.s)
        border.color: card.style.tint(card.style.text, 0.5)
        Accessible.ignored: true  // the card says whether it is chosen
        Text {
            anchors.centerIn: parent
            visible: card.selected
            text: "\u2713"
            font.pixelSize: parent.width * 0.7
            font.bold: true
            color: card.style.background
        }
    }
    property bool multiple: false

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: card.tapped()
    }
}

import QtQuick

// One key of the staff PIN pad: large, with a pressed state.
Rectangle {
    id: key
    required property var style
    property string label
    signal pressed()
    width: 150 * style.s
    height: 120 * style.s
    radius: style.radius
    color: tap.pressed ? style.tint(style.accent, 0.35) : style.surface
    border.width: Math.max(1, 2 * style.s)
    border.color: style.tint(style.text, 0.2)
    Text {
        anchors.centerIn: parent
        text: key.label
        font.family: key.style.family
        font.pixelSize: 48 * key.style.s
        font.weight: Font.DemiBold
        color: key.style.text
    }
    TapHandler { id: tap; onTapped: key.pressed() }
}

import QtQuick

// Staff text of any length: wraps first, then shrinks to 75 %, then ends with an ellipsis.
// It takes the height the text needs at full size, but never more than `maxHeight`.
Text {
    id: fit
    required property var style
    property real size: style.bodySize
    property real maxHeight: size * 10
    font.family: style.family
    font.pixelSize: size
    minimumPixelSize: Math.round(size * 0.75)
    fontSizeMode: Text.Fit
    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    elide: Text.ElideRight
    color: style.text
    lineHeight: 1.2
    textFormat: Text.PlainText
    // At the start of the line, whatever the text's own direction: the right in a mirrored
    // (right-to-left) layout, where Qt mirrors this alignment.
    horizontalAlignment: Text.AlignLeft
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    Accessible.ignored: text === ""
    height: Math.min(natural.implicitHeight, maxHeight)

    // The same text at full size with no height limit: measures without a binding loop.
    Text {
        id: natural
        visible: false
        Accessible.ignored: true
        width: fit.width
        text: fit.text
        font: fit.font
        lineHeight: fit.lineHeight
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        textFormat: Text.PlainText
    }
}

import QtQuick

// Staff text of any length: wraps first, then shrinks to 75 %, then ends with an ellipsis.
Text {
    required property var style
    property real size: style.bodySize
    font.family: style.family
    font.pixelSize: size
    minimumPixelSize: Math.round(size * 0.75)
    fontSizeMode: Text.Fit
    wrapMode: Text.WordWrap
    elide: Text.ElideRight
    color: style.text
    lineHeight: 1.2
    textFormat: Text.PlainText
}

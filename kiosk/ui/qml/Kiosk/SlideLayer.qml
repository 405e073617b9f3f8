import QtQuick
import QtQuick.Shapes

// One slide: text column and picture (side by side in landscape, stacked in portrait).
Item {
    id: layer
    required property var style
    property var slide: ({})
    readonly property bool hasImage: (slide.image || "") !== "" && picture.status !== Image.Error
    readonly property bool settled: picture.status !== Image.Loading
    property bool live: false
    // Room kept free for the header above and the call to action below.
    property real reserveTop: style.margin * 1.3
    property real reserveBottom: style.margin * 2.5

    // Opaque, so that by the end of a cross-fade the new slide covers the old one completely
    // (without it the old slide's words showed through the new one, then vanished at once).
    Rectangle { anchors.fill: parent; color: layer.style.background }

    // Soft light behind the picture: warm glow, never behind small text. A Shape, not a round
    // Rectangle: for every round Rectangle the software renderer keeps a bitmap of its corners,
    // for a circle as large as the circle (here 4.7 MiB, in each of the two slide layers).
    Shape {
        id: glow
        visible: layer.hasImage
        x: layer.style.portrait ? (parent.width - width) / 2 : parent.width * 0.45 + (parent.width * 0.55 - width) / 2
        y: layer.style.portrait ? parent.height * 0.25 - height / 2 + layer.style.margin * 0.5 : (parent.height - height) / 2
        width: Math.min(layer.style.portrait ? parent.width : parent.width * 0.55, parent.height) * 1.05
        height: width
        preferredRendererType: Shape.CurveRenderer  // smooth edges with a GPU too
        ShapePath {
            strokeColor: "transparent"
            fillGradient: LinearGradient {
                y2: glow.height
                GradientStop { position: 0.0; color: layer.style.tint(layer.style.glowWarm, 0.16) }
                GradientStop { position: 1.0; color: layer.style.tint(layer.style.glowDeep, 0.0) }
            }
            PathAngleArc {
                centerX: glow.width / 2; centerY: glow.height / 2
                radiusX: glow.width / 2; radiusY: radiusX
                sweepAngle: 360
            }
        }
    }
    Image {
        id: picture
        objectName: layer.live ? "slideImage" : ""
        source: layer.slide.image || ""
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        sourceSize: Qt.size(width, height)
        x: layer.style.portrait ? layer.style.margin : parent.width * 0.45 + layer.style.margin * 0.5
        y: layer.style.portrait ? layer.style.margin * 2 : layer.style.margin * 1.5
        width: layer.style.portrait ? parent.width - 2 * layer.style.margin : parent.width * 0.55 - layer.style.margin * 1.5
        height: layer.style.portrait ? parent.height * 0.42 : parent.height - layer.style.margin * 3.6
        visible: status === Image.Ready
    }
    Column {
        id: words
        spacing: layer.style.gap * 1.5
        readonly property real wide: layer.hasImage
            ? (layer.style.portrait ? parent.width - 2 * layer.style.margin : parent.width * 0.45 - layer.style.margin)
            : Math.min(parent.width - 2 * layer.style.margin, 1500 * layer.style.s)
        x: layer.hasImage || layer.style.portrait ? layer.style.margin : (parent.width - wide) / 2
        width: wide
        readonly property real textTop: layer.style.portrait && layer.hasImage
            ? picture.y + picture.height + layer.style.gap * 2 : layer.reserveTop
        readonly property real room: parent.height - layer.reserveBottom - textTop
        y: textTop + Math.max(0, (room - height) / 2)

        FitText {
            objectName: layer.live ? "slideTitle" : ""
            style: layer.style
            width: parent.width
            maxHeight: Math.min(layer.style.titleSize * 3.4, words.room * 0.45)
            size: layer.style.titleSize
            font.weight: Font.DemiBold
            lineHeight: 1.05
            horizontalAlignment: layer.hasImage || layer.style.portrait ? Text.AlignLeft : Text.AlignHCenter
            text: layer.slide.title || ""
        }
        Rectangle {
            visible: (layer.slide.body || "") !== ""
            width: 96 * layer.style.s
            height: Math.max(3, 4 * layer.style.s)
            radius: height / 2
            color: layer.style.accent
            x: layer.hasImage || layer.style.portrait ? 0 : (parent.width - width) / 2
        }
        FitText {
            objectName: layer.live ? "slideBody" : ""
            style: layer.style
            visible: text !== ""
            width: Math.min(parent.width, layer.style.bodySize * 28)
            x: layer.hasImage || layer.style.portrait ? 0 : (parent.width - width) / 2
            maxHeight: Math.min(layer.style.bodySize * 1.35 * 6.5,
                             words.room - y - words.spacing)
            size: layer.style.bodySize
            lineHeight: 1.35
            color: layer.style.text
            horizontalAlignment: layer.hasImage || layer.style.portrait ? Text.AlignLeft : Text.AlignHCenter
            text: layer.slide.body || ""
        }
    }
}

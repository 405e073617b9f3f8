import QtQuick
import QtQuick.Shapes

// A ring that empties as the countdown runs out, with the seconds in the middle.
Item {
    id: ring
    required property var style
    property real fraction: 1
    property int seconds: 0
    implicitWidth: 220 * style.s
    implicitHeight: implicitWidth
    // The sentence below the ring says the seconds for screen readers.
    Accessible.ignored: true

    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer
        ShapePath {
            strokeColor: ring.style.tint(ring.style.text, 0.15)
            strokeWidth: 14 * ring.style.s
            fillColor: "transparent"
            PathAngleArc {
                centerX: ring.width / 2; centerY: ring.height / 2
                radiusX: ring.width / 2 - 10 * ring.style.s; radiusY: radiusX
                startAngle: 0; sweepAngle: 360
            }
        }
        ShapePath {
            strokeColor: ring.style.accent
            strokeWidth: 14 * ring.style.s
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: ring.width / 2; centerY: ring.height / 2
                radiusX: ring.width / 2 - 10 * ring.style.s; radiusY: radiusX
                startAngle: -90; sweepAngle: 360 * ring.fraction
            }
        }
    }
    Text {
        objectName: "idleCountdown"
        anchors.centerIn: parent
        text: ring.seconds
        font.family: ring.style.family
        font.pixelSize: 88 * ring.style.s
        font.weight: Font.DemiBold
        color: ring.style.text
    }
}

import QtQuick
import QtQuick.Shapes

// "Please talk to our therapist": no package, a warm word and the way back.
Item {
    id: screen
    required property var style
    required property var kiosk
    objectName: "consultScreen"
    readonly property var result: kiosk.result.suggestion

    ResultTime { z: 1; style: screen.style; kiosk: screen.kiosk }

    // Top right, away from where "See my suggestion" was (see ResultScreen.qml).
    PillButton {
        objectName: "consultDoneButton"
        z: 1
        style: screen.style
        text: screen.kiosk.words.done
        anchors.right: parent.right
        anchors.rightMargin: screen.style.margin
        y: screen.style.margin * 0.35 - (height - screen.style.buttonHeight * 0.8) / 2
        onTapped: screen.kiosk.result.done()
    }

    // A Shape, not a round Rectangle: see the glow in SlideLayer.qml.
    // Portrait: a tall soft light that fades out at its edges, not a disc in the middle.
    Shape {
        id: glow
        Accessible.ignored: true
        anchors.centerIn: column
        width: screen.style.portrait ? parent.width * 1.8 : Math.min(parent.width, parent.height) * 0.9
        height: screen.style.portrait ? parent.height * 1.1 : width  // its edge off screen
        preferredRendererType: Shape.CurveRenderer  // smooth edges with a GPU too
        ShapePath {
            strokeColor: "transparent"
            fillGradient: LinearGradient {
                y2: glow.height
                GradientStop { position: 0.0; color: screen.style.tint(screen.style.glowWarm, 0.10) }
                GradientStop { position: 1.0; color: screen.style.tint(screen.style.glowDeep, 0.0) }
            }
            PathAngleArc {
                centerX: glow.width / 2; centerY: glow.height / 2
                radiusX: glow.width / 2; radiusY: glow.height / 2
                sweepAngle: 360
            }
        }
    }
    Column {
        id: column
        anchors.centerIn: parent
        // Portrait: on the glance line, a little above the middle.
        anchors.verticalCenterOffset: screen.style.portrait ? -parent.height * 0.08
                                                            : -screen.style.margin * 0.5
        width: Math.min(parent.width - 2 * screen.style.margin, 1300 * screen.style.s)
        spacing: screen.style.gap * (screen.style.portrait ? 2 : 1.5)
        Image {
            Accessible.ignored: true  // the spa's logo, decoration here
            anchors.horizontalCenter: parent.horizontalCenter
            source: screen.kiosk.theme.logo || ""
            visible: status === Image.Ready
            width: (screen.style.portrait ? 180 : 120) * screen.style.s
            height: width
            sourceSize: Qt.size(width, height)
            asynchronous: true
        }
        FitText {
            objectName: "consultTitle"
            style: screen.style
            width: parent.width
            maxHeight: size * 2.3
            size: screen.style.titleSize * (screen.style.portrait ? 1.1 : 1)
            font.weight: Font.DemiBold
            horizontalAlignment: Text.AlignHCenter
            text: screen.result.consultTitle || ""
        }
        FitText {
            objectName: "consultBody"
            style: screen.style
            width: parent.width
            maxHeight: size * 1.35 * 7
            size: screen.style.bodySize * (screen.style.portrait ? 1.15 : 1)
            lineHeight: 1.35
            color: screen.style.text
            horizontalAlignment: Text.AlignHCenter
            text: screen.result.consultBody || ""
        }
    }
    Item {
        x: screen.style.margin
        width: parent.width - 2 * screen.style.margin
        height: screen.style.buttonHeight
        y: parent.height - screen.style.margin * 0.7 - height
        PillButton {
            objectName: "consultBackButton"
            style: screen.style
            primary: false
            text: "\u2039  " + screen.kiosk.words.back
            anchors.left: parent.left
            onTapped: screen.kiosk.result.back()
        }
        Text {
            objectName: "consultDisclaimer"
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            // Between the buttons in landscape; above them in portrait, where the row is narrow.
            x: screen.style.flipX(screen.style.portrait ? 0 : parent.width * 0.22, width, parent.width)
            width: screen.style.portrait ? parent.width : parent.width * 0.5
            y: screen.style.portrait ? -height - screen.style.gap : (parent.height - height) / 2
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            maximumLineCount: 3
            elide: Text.ElideRight
            text: screen.kiosk.disclaimer
            font.family: screen.style.family
            font.pixelSize: screen.style.fineSize * 0.9
            color: screen.style.muted
        }
    }
}

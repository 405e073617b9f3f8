import QtQuick
import QtQuick.Shapes

// The attract loop: slides cross-fade into one another; a tap anywhere begins.
Item {
    id: screen
    required property var style
    required property var kiosk
    objectName: "attractScreen"

    property bool frontIsA: true
    property int shownSerial: -1
    property var incoming: null  // the slide fading in, or waiting for its picture to do so
    // Before it fades in, the incoming slide is drawn whole in one frame, beside the screen
    // where no one sees it (at opacity 0 Qt would skip it): its words are drawn into their
    // image and its picture made ready in that frame, not in the fade's first, which then
    // took 8-10 ms more than the others and came late (Qt's software renderer, no GPU).
    property bool preparing: false
    property bool awaitingFrame: false  // ready: the fade begins once the next frame is drawn
    // Until the fade's first step: the frame that moves it onto the screen is the fade's own.
    readonly property var aside: incoming && (preparing || progress === 0) ? incoming : null
    readonly property var front: frontIsA ? layerA : layerB
    property real progress: 0  // of the cross-fade, 0 to 1
    readonly property bool fading: fadeIn.running  // for tests and the bench

    // The cross-fade, without a bitmap of either slide (each would be a screen-sized image,
    // twice over in Qt's software renderer: ~32 MiB, a quarter of the kiosk's memory). The new
    // slide fades in over the old one, which stays whole until halfway and then fades out: where
    // the two pictures overlap the blend is a true cross-fade, and the old words never vanish
    // at once. Each frame draws only the slides' words and pictures over the screen's background.
    readonly property real incomingOpacity: incoming ? progress : 0
    readonly property real frontOpacity: incoming ? Math.min(1, 2 - 2 * progress) : 1

    function present() {
        var slide = screen.kiosk.attract.slide
        if (!slide || slide.serial === screen.shownSerial)
            return
        screen.shownSerial = slide.serial
        if (screen.incoming)
            screen.finish()  // a new slide during a fade: complete that fade first
        var back = screen.frontIsA ? layerB : layerA
        back.live = false
        back.slide = slide
        screen.progress = 0
        screen.preparing = true
        screen.incoming = back
        screen.prepareFrame()
    }

    // Once the incoming slide's picture is loaded (or has failed): one frame with it aside.
    function prepareFrame() {
        var arriving = screen.incoming
        if (!arriving || !screen.preparing || !arriving.settled || screen.awaitingFrame)
            return
        screen.awaitingFrame = true
        screen.Window.window.update()  // that frame comes even if nothing else changes
    }

    function beginFade(serial) {
        if (serial !== screen.shownSerial || !screen.incoming || !screen.preparing)
            return  // a newer slide came in the meantime
        screen.preparing = false
        screen.progress = 0
        fadeIn.restart()
    }

    // The new slide is fully shown: it becomes the front slide, the old one is hidden.
    function finish() {
        var arriving = screen.incoming
        if (!arriving)
            return
        fadeIn.stop()
        screen.preparing = false
        screen.awaitingFrame = false
        screen.front.live = false
        arriving.live = true
        screen.frontIsA = !screen.frontIsA
        screen.incoming = null
        screen.progress = 0
    }

    Component.onCompleted: {
        layerA.slide = kiosk.attract.slide
        layerA.live = true
        shownSerial = kiosk.attract.slide.serial || 0
    }
    Connections {
        target: screen.kiosk.attract
        function onSlideChanged() { screen.present() }
    }
    Connections {
        target: screen.incoming
        ignoreUnknownSignals: true
        function onSettledChanged() { screen.prepareFrame() }
    }
    Connections {
        target: screen.Window.window
        enabled: screen.awaitingFrame
        function onFrameSwapped() {
            screen.awaitingFrame = false
            // Once this frame is done with: the fade's first frame comes a tick of Qt's
            // animation clock later, and the frame drawn now is not part of the fade.
            Qt.callLater(screen.beginFade, screen.shownSerial)
        }
    }

    NumberAnimation {
        id: fadeIn
        target: screen
        property: "progress"
        from: 0; to: 1
        duration: screen.style.crossfade
        easing.type: Easing.InOutQuad
        onFinished: screen.finish()
    }

    // Soft light behind the pictures: one for both slides, so that it is drawn only where a
    // picture or words change, not again over the whole screen in every frame of a fade. It
    // follows the slides when one has a picture and the other has none.
    Shape {
        id: slideGlow
        readonly property bool portrait: screen.style.portrait
        opacity: (screen.front.hasImage ? 1 - screen.incomingOpacity : 0)
            + (screen.incoming && screen.incoming.hasImage ? screen.incomingOpacity : 0)
        visible: opacity > 0.01
        x: screen.style.flipX(portrait ? (parent.width - width) / 2
                                       : parent.width * 0.45 + (parent.width * 0.55 - width) / 2,
                              width, parent.width)
        y: portrait ? parent.height * 0.25 - height / 2 + screen.style.margin * 0.5 : (parent.height - height) / 2
        width: Math.min(portrait ? parent.width : parent.width * 0.55, parent.height) * 1.05
        height: width
        preferredRendererType: Shape.CurveRenderer  // smooth edges with a GPU too
        // A Shape, not a round Rectangle: for every round Rectangle the software renderer keeps
        // a bitmap of its corners, for a circle as large as the circle (here 4.7 MiB).
        ShapePath {
            strokeColor: "transparent"
            fillGradient: LinearGradient {
                y2: slideGlow.height
                GradientStop { position: 0.0; color: screen.style.tint(screen.style.glowWarm, 0.16) }
                GradientStop { position: 1.0; color: screen.style.tint(screen.style.glowDeep, 0.0) }
            }
            PathAngleArc {
                centerX: slideGlow.width / 2; centerY: slideGlow.height / 2
                radiusX: slideGlow.width / 2; radiusY: radiusX
                sweepAngle: 360
            }
        }
    }
    SlideLayer {
        id: layerA
        style: screen.style
        fading: screen.incoming !== null
        shown: screen.visible
        anchors.fill: parent
        z: screen.frontIsA ? 1 : 2
        aside: screen.aside === layerA
        opacity: aside ? 1 : screen.frontIsA ? screen.frontOpacity : screen.incomingOpacity
        reserveBottom: screen.height - cta.y + screen.style.gap
    }
    SlideLayer {
        id: layerB
        style: screen.style
        fading: screen.incoming !== null
        shown: screen.visible
        anchors.fill: parent
        z: screen.frontIsA ? 2 : 1
        aside: screen.aside === layerB
        opacity: aside ? 1 : screen.frontIsA ? screen.incomingOpacity : screen.frontOpacity
        reserveBottom: screen.height - cta.y + screen.style.gap
    }

    // Header: logo and spa name, quiet.
    Row {
        z: 3
        x: screen.style.flipX(screen.style.margin, width, screen.width)
        y: screen.style.margin * 0.5
        spacing: screen.style.gap
        Image {
            id: logo
            Accessible.role: Accessible.Graphic
            Accessible.name: screen.kiosk.spaName
            source: screen.kiosk.theme.logo || ""
            visible: status === Image.Ready
            height: 64 * screen.style.s
            width: height
            sourceSize: Qt.size(width, height)
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        Text {
            objectName: "spaName"
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            anchors.verticalCenter: parent.verticalCenter
            text: screen.kiosk.spaName
            visible: !screen.kiosk.attract.slide.fallback
            font.family: screen.style.family
            font.pixelSize: 30 * screen.style.s
            font.weight: Font.Medium
            font.letterSpacing: 1.5 * screen.style.s
            color: screen.style.muted
        }
    }

    // Around "tap to begin": a warm glow that swells and fades once while each new slide fades
    // in, then rests. It rides on the frames the cross-fade draws anyway: without a GPU every
    // frame is painted by the CPU, and a button breathing on its own for two seconds after
    // each fade took ~3 % of a core (then the slides were layers, and even a small change over
    // one cost a frame of ~3 ms).
    Item {
        id: glow
        z: 3
        anchors.centerIn: cta
        width: cta.width + 2 * spread
        height: cta.height + 2 * spread
        readonly property real spread: screen.style.gap * 0.8
        readonly property real arriving: screen.incoming && fadeIn.running ? screen.incoming.opacity : 0
        // In twelfths: steps too faint to see, and the frames between two steps need not draw
        // the button's corner of the screen again (~0.5 ms of a fade frame's ~6).
        opacity: screen.style.reducedMotion ? 0 : Math.round(12 * Math.sin(Math.PI * arriving)) / 12
        visible: opacity > 0.01
        // Rings of faint ember, each a little smaller: together a soft edge without a blur.
        Repeater {
            model: 5
            Rectangle {
                required property int index
                anchors.fill: parent
                anchors.margins: glow.spread * index / 5
                radius: height / 2
                color: screen.style.tint(screen.style.accent, 0.1)
            }
        }
    }
    PillButton {
        id: cta
        objectName: "tapToBegin"
        z: 3
        style: screen.style
        text: screen.kiosk.words.tap_to_begin
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: screen.style.margin * 0.5 + fine.height + screen.style.gap
        height: screen.style.buttonHeight * 1.1
        onTapped: screen.kiosk.attract.start()
    }
    Text {
        id: fine
        objectName: "disclaimer"
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        z: 3
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: screen.style.margin * 0.4
        width: parent.width - 2 * screen.style.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        text: screen.kiosk.disclaimer
        font.family: screen.style.family
        font.pixelSize: screen.style.fineSize
        color: screen.style.muted
    }

    // For staff only, and quiet: the spa's own content could not be used.
    Text {
        objectName: "contentNotice"
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        z: 3
        visible: text !== ""
        x: screen.style.margin * 0.5
        anchors.bottom: parent.bottom
        anchors.bottomMargin: screen.style.margin * 0.15
        width: parent.width - screen.style.margin
        elide: Text.ElideRight
        text: screen.kiosk.notice
        font.family: screen.style.family
        font.pixelSize: screen.style.fineSize * 0.8
        color: screen.style.muted
    }

    // A tap anywhere on the loop begins, not only on the button.
    TapHandler {
        onTapped: screen.kiosk.attract.start()
    }
}

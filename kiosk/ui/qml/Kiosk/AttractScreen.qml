import QtQuick

// The attract loop: slides cross-fade into one another; a tap anywhere begins.
Item {
    id: screen
    required property var style
    required property var kiosk
    objectName: "attractScreen"

    property bool frontIsA: true
    property int shownSerial: -1
    property var incoming: null
    readonly property bool fading: fadeIn.running  // for tests and the bench

    function present() {
        var slide = screen.kiosk.slide
        if (!slide || slide.serial === screen.shownSerial)
            return
        screen.shownSerial = slide.serial
        if (screen.incoming)
            screen.finish()  // a new slide during a fade: complete that fade first
        var back = screen.frontIsA ? layerB : layerA
        back.live = false
        back.opacity = 0  // not drawn at all while its picture loads
        back.slide = slide
        back.z = 2
        screen.incoming = back
        if (back.settled)
            screen.prepareFade()
    }

    // The new slide is drawn into its image once it is complete (its picture loaded), so it is
    // drawn once, not again when the picture arrives.
    function prepareFade() {
        // Not quite 0: too faint to change a single pixel, but enough for the new slide to be
        // drawn into its layer now, in one frame, rather than in the first frame of the fade.
        screen.incoming.opacity = 0.002
        startFade.restart()
    }

    // The new slide is fully shown: it becomes the front layer, the old one is hidden.
    function finish() {
        var arriving = screen.incoming
        if (!arriving)
            return
        screen.incoming = null
        fadeIn.stop()
        var front = screen.frontIsA ? layerA : layerB
        front.z = 1
        front.opacity = 0
        front.live = false
        arriving.opacity = 1
        arriving.live = true
        arriving.z = 1
        screen.frontIsA = !screen.frontIsA
    }

    Component.onCompleted: {
        layerA.slide = kiosk.slide
        layerA.live = true
        shownSerial = kiosk.slide.serial || 0
    }
    Connections {
        target: screen.kiosk
        function onSlideChanged() { screen.present() }
    }
    Connections {
        target: screen.incoming
        ignoreUnknownSignals: true
        function onSettledChanged() {
            if (screen.incoming && screen.incoming.settled && !fadeIn.running)
                screen.prepareFade()
        }
    }

    // The new slide fades in over the old one, so there is never a dark or empty frame.
    NumberAnimation {
        id: fadeIn
        target: screen.incoming
        property: "opacity"
        from: 0; to: 1
        duration: screen.style.crossfade
        easing.type: Easing.InOutQuad
        onFinished: screen.finish()
    }

    // Each slide is drawn once into an image (its layer) and the frames of a fade only blend
    // the two images; without a GPU, painting every text and picture again in every frame makes
    // the fade stutter. Drawing the new image takes a frame of its own, so the fade starts a
    // moment after. Both layers are kept between fades: a fade draws both anyway (so the peak
    // memory is the same), and making a new screen-sized image for each slide made its frame
    // ~5 ms slower (fresh memory to map and clear).
    Timer {
        id: startFade
        interval: 30
        onTriggered: if (screen.incoming && screen.incoming.settled) fadeIn.restart()
    }
    SlideLayer {
        id: layerA
        style: screen.style
        anchors.fill: parent
        z: 1
        reserveBottom: screen.height - cta.y + screen.style.gap
        layer.enabled: true
    }
    SlideLayer {
        id: layerB
        style: screen.style
        anchors.fill: parent
        opacity: 0
        reserveBottom: screen.height - cta.y + screen.style.gap
        layer.enabled: true
    }

    // Header: logo and spa name, quiet.
    Row {
        z: 3
        x: screen.style.margin
        y: screen.style.margin * 0.5
        spacing: screen.style.gap
        Image {
            id: logo
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
            anchors.verticalCenter: parent.verticalCenter
            text: screen.kiosk.spaName
            visible: !screen.kiosk.slide.fallback
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
    // each fade took ~3 % of a core (over the slide's layer, even a small change costs a frame
    // of ~3 ms).
    Item {
        id: glow
        z: 3
        anchors.centerIn: cta
        width: cta.width + 2 * spread
        height: cta.height + 2 * spread
        readonly property real spread: screen.style.gap * 0.8
        readonly property real arriving: screen.incoming && fadeIn.running ? screen.incoming.opacity : 0
        opacity: screen.style.reducedMotion ? 0 : Math.sin(Math.PI * arriving)
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
        onTapped: screen.kiosk.start()
    }
    Text {
        id: fine
        objectName: "disclaimer"
        z: 3
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: screen.style.margin * 0.4
        width: parent.width - 2 * screen.style.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: screen.kiosk.disclaimer
        font.family: screen.style.family
        font.pixelSize: screen.style.fineSize
        color: screen.style.muted
    }

    // For staff only, and quiet: the spa's own content could not be used.
    Text {
        objectName: "contentNotice"
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
        onTapped: screen.kiosk.start()
    }
}

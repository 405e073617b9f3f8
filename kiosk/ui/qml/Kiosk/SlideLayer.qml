import QtQuick

// One slide: text column and picture (side by side in landscape, stacked in portrait). No
// background of its own: two slides cross-fade over the attract screen's (AttractScreen.qml).
Item {
    id: layer
    required property var style
    property var slide: ({})
    readonly property bool hasImage: (slide.image || "") !== "" && picture.status !== Image.Error
    readonly property bool settled: picture.status !== Image.Loading
    property bool live: false
    property bool fading: false  // set by the attract screen while a new slide comes in
    property bool shown: true  // the attract screen is on screen (not during a guest's journey)
    property bool aside: false  // drawn beside the screen, out of sight (see AttractScreen)
    transform: Translate { x: layer.aside ? layer.width + 100 : 0 }
    // Room kept free for the header above and the call to action below.
    property real reserveTop: style.margin * 1.3
    property real reserveBottom: style.margin * 2.5

    // The room the picture may fill: it is shown as large as fits, in the middle of it.
    Item {
        id: pictureRoom
        x: layer.style.flipX(layer.style.portrait ? layer.style.margin
                             : parent.width * 0.45 + layer.style.margin * 0.5, width, parent.width)
        y: layer.style.portrait ? layer.style.margin * 2 : layer.style.margin * 1.5
        width: Math.round(layer.style.portrait ? parent.width - 2 * layer.style.margin : parent.width * 0.55 - layer.style.margin * 1.5)
        // Above the call to action, which is centred below the words and the picture.
        height: Math.round(layer.style.portrait ? parent.height * 0.42
            : Math.min(parent.height - layer.style.margin * 3.6, parent.height - layer.reserveBottom - y))
    }
    Image {
        id: picture
        objectName: layer.live ? "slideImage" : ""
        source: layer.slide.image || ""
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        // Decoded at exactly the size it is drawn, when its shape is known (see media.aspect):
        // given only the room, Qt decodes a picture large enough to cover it and shrinks it
        // again in every frame of a fade.
        readonly property real aspect: layer.slide.aspect || 0
        readonly property int fitWidth: Math.max(1, Math.round(Math.min(pictureRoom.width, pictureRoom.height * aspect)))
        sourceSize.width: aspect > 0 ? fitWidth : pictureRoom.width
        sourceSize.height: aspect > 0 ? 0 : pictureRoom.height  // 0: as tall as that width makes it
        width: aspect > 0 ? fitWidth : pictureRoom.width
        height: aspect > 0 ? Math.max(1, Math.round(fitWidth / aspect)) : pictureRoom.height
        x: Math.round(pictureRoom.x + (pictureRoom.width - width) / 2)
        y: Math.round(pictureRoom.y + (pictureRoom.height - height) / 2)
        visible: status === Image.Ready
    }
    Column {
        id: words
        objectName: "slideWords"
        // While slides cross-fade, the words are drawn once into an image of their own (a
        // third of the screen): Qt draws letters taller than 64 pixels as outlines, not from its
        // cache of letters, and without a GPU drawing both slides' words again in each frame of
        // a fade took ~6 ms of it. The slide on screen keeps its image until the next fade is
        // over, so a slide change draws only the new slide's words; the leaving slide's image
        // is let go, and so is the one on screen while a guest is on the other screens.
        readonly property bool drawnAhead: layer.fading || (layer.live && layer.shown)
        layer.enabled: drawnAhead
        spacing: layer.style.gap * 1.5
        readonly property real wide: layer.hasImage
            ? (layer.style.portrait ? parent.width - 2 * layer.style.margin : parent.width * 0.45 - layer.style.margin)
            : Math.min(parent.width - 2 * layer.style.margin, 1500 * layer.style.s)
        // Whole pixels, position and size: the words' image is then copied as it is in each
        // frame of a fade, not resampled at a fraction of a pixel (a fade frame took 5.7 ms
        // instead of 3.7 at 1920x1080, where the words sat 0.025 px off the pixel grid and were 499.15 px tall).
        x: Math.round(layer.style.flipX(layer.hasImage || layer.style.portrait
                                        ? layer.style.margin : (parent.width - wide) / 2,
                                        Math.round(wide), parent.width))
        width: Math.round(wide)
        readonly property real textTop: layer.style.portrait && layer.hasImage
            ? pictureRoom.y + pictureRoom.height + layer.style.gap * 2 : layer.reserveTop
        readonly property real room: parent.height - layer.reserveBottom - textTop
        y: Math.round(textTop + Math.max(0, (room - height) / 2))
        height: Math.ceil(implicitHeight)

        FitText {
            objectName: layer.live ? "slideTitle" : ""
            // Only the slide on screen is read out, not the one faded out behind it.
            Accessible.ignored: !layer.live || text === ""
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
            x: layer.style.flipX(layer.hasImage || layer.style.portrait ? 0
                                 : (parent.width - width) / 2, width, parent.width)
        }
        FitText {
            objectName: layer.live ? "slideBody" : ""
            Accessible.ignored: !layer.live || text === ""
            style: layer.style
            visible: text !== ""
            width: Math.min(parent.width, layer.style.bodySize * 28)
            x: layer.style.flipX(layer.hasImage || layer.style.portrait ? 0
                                 : (parent.width - width) / 2, width, parent.width)
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

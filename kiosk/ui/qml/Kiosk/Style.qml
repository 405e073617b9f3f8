import QtQuick

// The house look, scaled to the screen: sizes in LOOK.md are for a 1080 px short side.
QtObject {
    id: style
    // The theme, declared once in Python (kiosk.content.model.Theme) and handed over whole.
    required property var theme
    required property real width
    required property real height
    property string family: "DejaVu Sans"
    // Larger text (kiosk.largeText): every text a third larger, and the buttons and cards that
    // hold it a little taller; the screens wrap and reflow around it.
    property bool large: false
    // Right-to-left languages (ar, he, fa, ur...): Main.qml mirrors the layout (anchors, rows,
    // grids); what is placed by x uses `flipX` to mirror too.
    property bool mirrored: false
    function flipX(left, width, within) { return mirrored ? within - left - width : left }
    readonly property real textScale: large ? 1.3 : 1
    readonly property real boxScale: large ? 1.2 : 1

    readonly property bool portrait: height > width
    readonly property real s: Math.max(0.3, Math.min(width, height) / 1080)
    readonly property color background: theme.background
    readonly property color surface: theme.surface
    readonly property color text: theme.text
    readonly property color muted: theme.muted
    readonly property color accent: theme.accent
    readonly property color glowWarm: "#FF8A50"
    readonly property color glowDeep: "#C2362B"
    readonly property bool reducedMotion: theme.reducedMotion

    readonly property real margin: (portrait ? 72 : 96) * s
    readonly property real gap: 24 * s
    readonly property real titleSize: 88 * s * textScale
    readonly property real bodySize: 40 * s * textScale
    readonly property real promptSize: 64 * s * textScale
    readonly property real labelSize: 36 * s * textScale
    readonly property real buttonSize: 36 * s * textScale
    readonly property real fineSize: 24 * s * textScale
    readonly property real buttonHeight: 96 * s * boxScale
    readonly property real cardHeight: 120 * s * boxScale
    readonly property real radius: 24 * s

    readonly property int fade: reducedMotion ? 200 : 300
    readonly property int crossfade: reducedMotion ? 200 : 800

    function tint(c, amount) { return Qt.rgba(c.r, c.g, c.b, amount) }
}

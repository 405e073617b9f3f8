import QtQuick

// How long the suggestion stays: a thin bar along the top edge that empties over
// `result_seconds` and fills again at every touch. It steps once a second (the view-model
// says the time left), so nothing animates all the while the suggestion is up.
Item {
    id: bar
    required property var style
    required property var kiosk
    objectName: "resultTime"
    readonly property real seconds: kiosk.result.seconds
    readonly property real secondsLeft: kiosk.result.secondsLeft
    readonly property real fraction: seconds > 0 ? Math.max(0, Math.min(1, secondsLeft / seconds)) : 0
    anchors.left: parent.left
    anchors.right: parent.right
    anchors.top: parent.top
    height: Math.max(3, 6 * style.s)

    Rectangle {
        anchors.fill: parent
        color: bar.style.tint(bar.style.text, 0.06)
    }
    Rectangle {
        objectName: "resultTimeLeft"
        // Empties towards the middle, from both ends: calm, and the same with right-to-left text.
        anchors.horizontalCenter: parent.horizontalCenter
        height: parent.height
        width: parent.width * bar.fraction
        radius: height / 2
        color: bar.style.tint(bar.style.accent, 0.55)
    }
}

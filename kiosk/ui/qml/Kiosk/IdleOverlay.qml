import QtQuick

// "Still there?": the screen dims, a ring counts down, one huge button keeps the guest's answers.
Rectangle {
    id: overlay
    required property var style
    required property var kiosk
    objectName: "idleOverlay"
    // For screen readers: an alert, read out when it appears, with the countdown's sentence.
    Accessible.role: Accessible.AlertMessage
    Accessible.name: kiosk.words.still_there
    Accessible.description: countdownText.text
    color: style.tint(style.background, 0.7)
    opacity: kiosk.idle.warning ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: overlay.style.fade } }

    // Any tap on the dimmed screen also means "I am here", and is not for the screen below.
    MouseArea {
        anchors.fill: parent
        onClicked: overlay.kiosk.idle.moreTime()
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * overlay.style.margin, 1100 * overlay.style.s)
        height: column.height + 2 * overlay.style.margin * 0.7
        radius: overlay.style.radius * 2
        color: overlay.style.surface
        border.width: Math.max(1, 2 * overlay.style.s)
        border.color: overlay.style.tint(overlay.style.text, 0.12)
        Column {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * overlay.style.margin * 0.7
            spacing: overlay.style.gap * 1.5
            Text {
                objectName: "stillThere"
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: overlay.kiosk.words.still_there
                font.family: overlay.style.family
                font.pixelSize: overlay.style.promptSize
                font.weight: Font.DemiBold
                color: overlay.style.text
            }
            CountdownRing {
                anchors.horizontalCenter: parent.horizontalCenter
                style: overlay.style
                seconds: overlay.kiosk.idle.countdown
                fraction: overlay.kiosk.idle.countdown / Math.max(1, overlay.kiosk.idle.warningSeconds)
            }
            Text {
                id: countdownText
                objectName: "resetSoon"
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                text: overlay.kiosk.idle.resetSoon
                font.family: overlay.style.family
                font.pixelSize: overlay.style.bodySize * 0.8
                color: overlay.style.muted
            }
            PillButton {
                objectName: "moreTimeButton"
                anchors.horizontalCenter: parent.horizontalCenter
                style: overlay.style
                height: overlay.style.buttonHeight * 1.35
                width: Math.min(parent.width, implicitWidth * 1.2)
                text: overlay.kiosk.words.need_more_time
                onTapped: overlay.kiosk.idle.moreTime()
            }
        }
    }
}

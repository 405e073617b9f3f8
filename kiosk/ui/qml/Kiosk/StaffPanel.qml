import QtQuick

// For spa staff only: opened by a long press in the top-left corner, guarded by a PIN.
Rectangle {
    id: panel
    required property var style
    required property var staff
    objectName: "staffPanel"
    visible: staff.open
    color: style.background

    // Swallow taps so nothing underneath reacts while staff work here.
    TapHandler {}

    PillButton {
        objectName: "staffCloseButton"
        style: panel.style
        primary: false
        text: "Close"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: panel.style.margin * 0.5
        onTapped: panel.staff.close()
    }

    // The PIN pad.
    Column {
        visible: panel.staff.stage === "pin"
        anchors.centerIn: parent
        spacing: panel.style.gap
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "Staff"
            font.family: panel.style.family
            font.pixelSize: panel.style.promptSize
            font.weight: Font.DemiBold
            color: panel.style.text
        }
        Text {
            objectName: "staffMessage"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(panel.width - 2 * panel.style.margin, 900 * panel.style.s)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            text: panel.staff.message
            font.family: panel.style.family
            font.pixelSize: panel.style.bodySize * 0.75
            color: panel.style.muted
        }
        Row {
            visible: panel.staff.padUsable
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 20 * panel.style.s
            height: 40 * panel.style.s
            Repeater {
                model: 8
                Rectangle {
                    required property int index
                    visible: index < Math.max(4, panel.staff.entered)
                    width: 28 * panel.style.s
                    height: width
                    radius: width / 2
                    color: index < panel.staff.entered ? panel.style.accent : "transparent"
                    border.width: Math.max(2, 2 * panel.style.s)
                    border.color: panel.style.tint(panel.style.text, 0.5)
                }
            }
        }
        Grid {
            visible: panel.staff.padUsable
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: 18 * panel.style.s
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "\u232B", "0", "OK"]
                PinKey {
                    style: panel.style
                    required property string modelData
                    objectName: "pinKey_" + (modelData === "\u232B" ? "erase" : modelData)
                    label: modelData
                    onPressed: {
                        if (modelData === "OK") panel.staff.submit()
                        else if (modelData === "\u232B") panel.staff.erase()
                        else panel.staff.digit(modelData)
                    }
                }
            }
        }
    }

    // The panel itself, once the PIN was right.
    Item {
        visible: panel.staff.stage === "panel"
        anchors.fill: parent
        anchors.margins: panel.style.margin
        Column {
            id: info
            width: parent.width
            spacing: panel.style.gap
            Text {
                text: "Staff panel"
                font.family: panel.style.family
                font.pixelSize: panel.style.promptSize * 0.8
                font.weight: Font.DemiBold
                color: panel.style.text
            }
            Text {
                objectName: "staffVersion"
                text: panel.staff.version + "  \u00B7  content: " + panel.staff.status.folder
                width: parent.width
                elide: Text.ElideMiddle
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize
                color: panel.style.muted
            }
            Text {
                objectName: "staffOpeningHours"
                visible: text !== ""
                text: panel.staff.openingHours
                width: parent.width
                elide: Text.ElideRight
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize
                color: panel.style.muted
            }
            Text {
                objectName: "staffRenderer"
                visible: text !== ""
                text: panel.staff.renderer
                width: parent.width
                elide: Text.ElideRight
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize
                color: panel.style.muted
            }
            Text {
                objectName: "staffLoaded"
                width: parent.width
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                text: "Content on screen loaded " + panel.staff.status.loadedAt
                      + "  \u00B7  last checked " + panel.staff.status.checkedAt
                      + (panel.staff.status.showingDefault ? "  \u00B7  SHOWING THE BUILT-IN DEFAULT" : "")
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize * 1.1
                color: panel.style.text
            }
            Text {
                objectName: "staffUsage"
                width: parent.width
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                text: "Today: " + (panel.staff.usage.journeys_started || 0) + " guests started, "
                      + (panel.staff.usage.journeys_finished || 0) + " finished, "
                      + (panel.staff.usage.consult || 0) + " asked to talk to us, "
                      + (panel.staff.usage.slides_shown || 0) + " slides shown"
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize * 1.1
                color: panel.style.text
            }
            Text {
                objectName: "staffProblemCount"
                text: panel.staff.status.problems.length === 0
                      ? "No problems in the content."
                      : panel.staff.status.problems.length + " problem(s) in the content:"
                font.family: panel.style.family
                font.pixelSize: panel.style.fineSize * 1.1
                font.weight: Font.DemiBold
                color: panel.staff.status.problems.length === 0 ? panel.style.text : panel.style.accent
            }
        }
        Flickable {
            anchors.top: info.bottom
            anchors.topMargin: panel.style.gap
            anchors.bottom: buttons.top
            anchors.bottomMargin: panel.style.gap
            width: parent.width
            clip: true
            contentHeight: problems.height
            Column {
                id: problems
                width: parent.width
                spacing: 8 * panel.style.s
                Repeater {
                    model: panel.staff.status.problems
                    Text {
                        required property string modelData
                        width: problems.width
                        wrapMode: Text.WrapAnywhere
                        text: modelData
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: panel.style.fineSize
                        color: panel.style.muted
                    }
                }
            }
        }
        Flow {
            id: buttons
            anchors.bottom: parent.bottom
            width: parent.width
            spacing: panel.style.gap
            PillButton {
                objectName: "staffReloadButton"
                style: panel.style
                primary: false
                text: "Reload content now"
                onTapped: panel.staff.reloadNow()
            }
            PillButton {
                objectName: "staffPreviewButton"
                style: panel.style
                primary: false
                text: "Preview the journey"
                onTapped: panel.staff.preview()
            }
            PillButton {
                objectName: "staffExitButton"
                style: panel.style
                text: panel.staff.confirmExit ? "Tap again to exit" : "Exit the kiosk"
                onTapped: panel.staff.exitKiosk()
            }
        }
        Text {
            anchors.left: parent.left
            anchors.bottom: buttons.top
            anchors.bottomMargin: panel.style.gap * 0.5
            visible: panel.staff.message !== ""
            text: panel.staff.message
            font.family: panel.style.family
            font.pixelSize: panel.style.fineSize
            color: panel.style.muted
        }
    }
}

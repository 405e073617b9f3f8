import QtQuick

// The suggestion: the package, why it fits, the desk code and QR, and a calm way back.
Item {
    id: screen
    required property var style
    required property var kiosk
    objectName: "resultScreen"
    readonly property var result: kiosk.result.suggestion
    // Larger text in landscape: less height for the words, so they sit closer together.
    readonly property bool roomy: style.portrait || !style.large
    readonly property real sideWidth: style.portrait ? parent.width - 2 * style.margin : 520 * style.s

    ResultTime { style: screen.style; kiosk: screen.kiosk }

    PillButton {
        id: topBar
        objectName: "resultStartOverButton"
        style: screen.style
        quiet: true
        primary: false
        text: screen.kiosk.words.start_over
        x: screen.style.flipX(screen.style.margin - screen.style.gap, width, screen.width)
        y: screen.style.margin * 0.35
        onTapped: screen.kiosk.result.startOver()
    }
    // Top right, away from where "See my suggestion" was: a second tap of a guest's double tap
    // on it must not end the journey before they have seen the suggestion.
    PillButton {
        id: done
        objectName: "doneButton"
        style: screen.style
        text: screen.kiosk.words.done
        anchors.right: parent.right
        anchors.rightMargin: screen.style.margin
        anchors.verticalCenter: topBar.verticalCenter
        onTapped: screen.kiosk.result.done()
    }

    // Portrait: the package and the hand-off to the desk as one block, centred in the room
    // between the top buttons and the disclaimer.
    readonly property real areaTop: done.y + done.height + style.gap
    readonly property real areaBottom: bottomBar.y - disclaimer.height - style.gap * 2
    readonly property real blockTop: style.portrait
        ? areaTop + Math.max(0, (areaBottom - areaTop - main.height - style.gap * 2 - side.height) / 2)
        : areaTop

    Column {
        id: main
        x: screen.style.flipX(screen.style.margin, width, screen.width)
        y: screen.blockTop
        width: screen.style.portrait ? parent.width - 2 * screen.style.margin
                                     : parent.width - 3 * screen.style.margin - screen.sideWidth
        spacing: screen.style.gap * (screen.roomy ? 1 : 0.6)
        Item {
            width: parent.width
            height: Math.max(heading.height, picture.visible ? picture.height : 0)
            Column {
                id: heading
                width: parent.width - (picture.visible ? picture.width + screen.style.gap * 1.5 : 0)
                x: screen.style.flipX(0, width, parent.width)
                spacing: screen.style.gap
                Text {
                    objectName: "yourSuggestion"
                    width: parent.width
                    horizontalAlignment: Text.AlignLeft  // mirrored right to left (FitText.qml)
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                    text: screen.kiosk.words.your_suggestion
                    font.family: screen.style.family
                    font.pixelSize: screen.style.fineSize * 1.2
                    font.weight: Font.Medium
                    font.letterSpacing: 2 * screen.style.s
                    font.capitalization: Font.AllUppercase
                    color: screen.style.accent
                }
                FitText {
                    objectName: "packageName"
                    style: screen.style
                    width: parent.width
                    maxHeight: screen.style.titleSize * 0.9 * 2.3
                    size: screen.style.titleSize * 0.9
                    font.weight: Font.DemiBold
                    lineHeight: 1.05
                    text: screen.result.name || ""
                }
                Row {
                    x: screen.style.flipX(0, width, parent.width)
                    spacing: screen.style.gap
                    Text {
                        objectName: "packageMinutes"
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                        text: screen.result.minutes || ""
                        font.family: screen.style.family
                        font.pixelSize: screen.style.bodySize
                        font.weight: Font.Medium
                        color: screen.style.text
                    }
                    Text {
                        visible: (screen.result.price || "") !== ""
                        text: "\u00B7"
                        Accessible.ignored: true
                        font.pixelSize: screen.style.bodySize
                        color: screen.style.muted
                    }
                    Text {
                        objectName: "packagePrice"
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                        text: screen.result.price || ""
                        font.family: screen.style.family
                        font.pixelSize: screen.style.bodySize
                        font.weight: Font.Medium
                        color: screen.style.text
                    }
                }
            }
            Image {
                id: picture
                objectName: "packageImage"
                Accessible.role: Accessible.Graphic
                Accessible.name: screen.result.name || ""
                anchors.right: parent.right
                anchors.verticalCenter: heading.verticalCenter
                width: (screen.style.portrait ? 300 : 240) * screen.style.s
                height: width
                sourceSize: Qt.size(width, height)
                source: screen.result.image || ""
                asynchronous: true
                fillMode: Image.PreserveAspectFit
                // Left out with larger text in landscape: the words take its room and reflow.
                visible: status === Image.Ready && !(screen.style.large && !screen.style.portrait)
            }
        }
        FitText {
            objectName: "packageSummary"
            style: screen.style
            visible: text !== ""
            width: Math.min(parent.width, screen.style.bodySize * 0.9 * 26)
            x: screen.style.flipX(0, width, parent.width)
            // With larger text in landscape it may shrink a little (FitText) to leave room.
            maxHeight: screen.style.bodySize * 0.9 * 1.3 * (screen.roomy ? 4.2 : 2.4)
            size: screen.style.bodySize * 0.9
            lineHeight: 1.3
            color: screen.style.muted
            text: screen.result.summary || ""
        }
        Text {
            objectName: "moreTimeNote"
            horizontalAlignment: Text.AlignLeft
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            visible: text !== ""
            width: parent.width
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            text: screen.result.moreTime || ""
            font.family: screen.style.family
            font.pixelSize: screen.style.fineSize * 1.15
            color: screen.style.text
            lineHeight: 1.2
        }
        Column {
            visible: (screen.result.reasons || []).length > 0
            width: parent.width
            spacing: screen.style.gap * 0.6
            topPadding: screen.style.gap * 0.4
            Text {
                width: parent.width
                horizontalAlignment: Text.AlignLeft
                text: screen.kiosk.words.because + ":"
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                font.family: screen.style.family
                font.pixelSize: screen.style.fineSize * 1.15
                color: screen.style.muted
            }
            Flow {
                objectName: "reasons"
                Accessible.role: Accessible.List
                Accessible.name: screen.kiosk.words.because
                width: parent.width
                spacing: screen.style.gap * 0.5
                Repeater {
                    model: screen.result.reasons || []
                    Rectangle {
                        required property string modelData
                        required property int index
                        objectName: "reason_" + index
                        property alias text: chip.text
                        Accessible.role: Accessible.ListItem
                        Accessible.name: modelData
                        height: 64 * screen.style.s
                        width: Math.min(chip.implicitWidth + 48 * screen.style.s, main.width)
                        radius: height / 2
                        color: screen.style.tint(screen.style.accent, 0.16)
                        border.width: Math.max(1, 2 * screen.style.s)
                        border.color: screen.style.tint(screen.style.accent, 0.6)
                        Text {
                            id: chip
                            Accessible.ignored: true
                            anchors.centerIn: parent
                            width: Math.min(implicitWidth, parent.width - 40 * screen.style.s)
                            elide: Text.ElideRight
                            text: modelData
                            font.family: screen.style.family
                            font.pixelSize: screen.style.labelSize * 0.8
                            font.weight: Font.Medium
                            color: screen.style.text
                        }
                    }
                }
            }
        }
        Text {
            objectName: "alsoGood"
            horizontalAlignment: Text.AlignLeft
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            visible: (screen.result.alsoGood || "") !== ""
            topPadding: screen.style.gap * 0.4
            width: parent.width
            elide: Text.ElideRight
            text: screen.kiosk.words.also_good + ": " + (screen.result.alsoGood || "")
            font.family: screen.style.family
            font.pixelSize: screen.style.fineSize * 1.2
            color: screen.style.muted
        }
    }

    // The hand-off to the front desk: code in large type, QR code to book.
    Rectangle {
        id: side
        x: screen.style.flipX(screen.style.portrait ? screen.style.margin
                              : parent.width - screen.style.margin - width, width, parent.width)
        y: screen.style.portrait ? main.y + main.height + screen.style.gap * 2
                                 : Math.max(done.y + done.height + screen.style.gap, (bottomBar.y - height) / 2)
        width: screen.sideWidth
        height: sideContent.height + 2 * screen.style.gap * 1.5
        radius: screen.style.radius * 1.5
        color: screen.style.surface
        border.width: Math.max(1, 2 * screen.style.s)
        border.color: screen.style.tint(screen.style.text, 0.12)
        Grid {
            id: sideContent
            anchors.centerIn: parent
            readonly property real inner: side.width - 2 * screen.style.gap * 1.5
            columns: screen.style.portrait && qrBox.visible ? 2 : 1
            horizontalItemAlignment: Grid.AlignHCenter
            verticalItemAlignment: Grid.AlignVCenter
            spacing: screen.style.gap * 1.5
            Column {
                width: sideContent.columns === 2 ? sideContent.inner - qrBox.width - sideContent.spacing : sideContent.inner
                spacing: screen.style.gap * 0.6
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    text: screen.kiosk.words.desk_code
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    font.family: screen.style.family
                    font.pixelSize: screen.style.fineSize * (screen.style.portrait ? 1.4 : 1.15)
                    color: screen.style.muted
                }
                Rectangle {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.min(parent.width, code.implicitWidth + 64 * screen.style.s)
                    height: code.implicitHeight + 24 * screen.style.s
                    radius: screen.style.radius
                    color: "transparent"
                    border.width: Math.max(2, 3 * screen.style.s)
                    border.color: screen.style.accent
                    Text {
                        id: code
                        objectName: "deskCode"
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                        Accessible.description: screen.kiosk.words.desk_code
                        anchors.centerIn: parent
                        text: screen.result.code || ""
                        font.family: screen.style.family
                        font.pixelSize: (screen.style.portrait ? 96 : 72) * screen.style.s
                        font.weight: Font.DemiBold
                        font.letterSpacing: 4 * screen.style.s
                        color: screen.style.text
                        fontSizeMode: Text.HorizontalFit
                        width: Math.min(implicitWidth, sideContent.inner - 64 * screen.style.s)
                        minimumPixelSize: 32 * screen.style.s
                    }
                }
            }
            Column {
                id: qrBox
                visible: qr.source != ""
                width: (screen.style.portrait ? 400 : 280) * screen.style.s
                spacing: screen.style.gap * 0.5
                Rectangle {
                    width: parent.width
                    height: width
                    radius: screen.style.radius * 0.6
                    color: "#FFFFFF"
                    Image {
                        id: qr
                        objectName: "qrCode"
                        // The text alternative: what the code is for, and the desk code.
                        Accessible.role: Accessible.Graphic
                        Accessible.name: screen.kiosk.words.scan_to_book + " (" + (screen.result.code || "") + ")"
                        Accessible.description: screen.kiosk.words.desk_code + ": " + (screen.result.code || "")
                        anchors.fill: parent
                        anchors.margins: 14 * screen.style.s
                        source: screen.result.qr || ""
                        fillMode: Image.PreserveAspectFit
                        smooth: false  // sharp modules: the code is only ever scaled down
                        cache: false
                    }
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: screen.kiosk.words.scan_to_book
                    Accessible.ignored: true  // the QR code's name says it
                    font.family: screen.style.family
                    font.pixelSize: screen.style.fineSize
                    color: screen.style.muted
                }
            }
        }
    }

    Item {
        id: bottomBar
        x: screen.style.margin
        width: parent.width - 2 * screen.style.margin
        height: screen.style.buttonHeight
        y: parent.height - screen.style.margin * 0.7 - height
        PillButton {
            objectName: "resultBackButton"
            style: screen.style
            primary: false
            text: "\u2039  " + screen.kiosk.words.back
            anchors.left: parent.left
            onTapped: screen.kiosk.result.back()
        }
        Text {
            id: disclaimer
            objectName: "resultDisclaimer"
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

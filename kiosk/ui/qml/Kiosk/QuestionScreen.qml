import QtQuick

// One question per screen: prompt, help, large option cards, progress, Back and Next.
Item {
    id: screen
    required property var style
    required property var kiosk
    objectName: "questionScreen"
    readonly property var question: kiosk.questions.question
    readonly property var options: question.options || []
    // Portrait: one column of larger cards up to six options (they read down the screen),
    // two beyond; the prompt and cards sit as one block a little above the middle.
    // One more column (up to two in portrait, four in landscape) when the rows of cards at
    // their least height would not fit between the prompt and the bottom bar, e.g. under
    // several lines of language buttons.
    readonly property int columns: {
        let c = style.portrait ? (options.length > 6 ? 2 : 1) : (options.length > 4 ? 3 : 2)
        const most = Math.min(style.portrait ? 2 : 4, Math.max(1, options.length))
        while (c < most && !rowsFit(c))
            c += 1
        return c
    }
    readonly property real cardRoom: areaBottom - areaTop - head.height - style.gap * 1.5
    function rowsFit(c: int): bool {
        const r = Math.ceil(options.length / c)
        return r * style.cardHeight + (r - 1) * style.gap <= cardRoom
    }
    readonly property int rows: Math.max(1, Math.ceil(options.length / columns))
    readonly property bool tall: style.portrait && columns === 1
    readonly property real areaTop: Math.max(startOver.y + startOver.height,
                                             languages.visible ? languages.y + languages.height : 0)
                                    + style.gap
    readonly property real areaBottom: bottomBar.y - style.gap * 1.5
                                       - (style.portrait ? progress.height + style.gap * 1.5 : 0)
    readonly property real blockHeight: head.height + style.gap * 1.5 + grid.height

    // Top bar: a quiet "Start over" on the left, languages on the right of the first screen.
    PillButton {
        id: startOver
        objectName: "startOverButton"
        style: screen.style
        quiet: true
        primary: false
        text: screen.kiosk.words.start_over
        x: screen.style.flipX(screen.style.margin - screen.style.gap, width, screen.width)
        y: screen.style.margin * 0.35
        onTapped: screen.kiosk.questions.startOver()
    }
    // Languages sit in the top bar beside "Start over" and "Aa", on more lines there when
    // they do not fit on one (landscape, where that room is wide); where the room is narrow
    // (portrait) they get lines of their own under the top bar, the full width of the screen.
    Flow {
        id: languages
        objectName: "languageSwitch"
        Accessible.role: Accessible.Grouping
        Accessible.name: screen.kiosk.words.language
        visible: screen.question.first === true && screen.kiosk.languages.length > 1
        readonly property real room: screen.width - screen.style.margin
                                     - (screen.style.margin - screen.style.gap + startOver.width)
                                     - largerText.width
                                     - 2 * screen.style.gap
        readonly property real natural: {
            let sum = 0
            let count = 0
            for (let i = 0; i < children.length; ++i) {
                if (children[i].objectName.startsWith("language_")) {
                    sum += children[i].implicitWidth
                    count += 1
                }
            }
            return sum + spacing * Math.max(0, count - 1)
        }
        readonly property real fullWidth: screen.width - 2 * screen.style.margin
        readonly property bool ownLines: natural > room && room < fullWidth * 0.6
        width: ownLines ? fullWidth : Math.ceil(Math.min(natural, room))
        anchors.right: parent.right
        anchors.rightMargin: screen.style.margin
        y: ownLines ? startOver.y + startOver.height + screen.style.gap * 0.5
                    : screen.style.margin * 0.35
        spacing: screen.style.gap * 0.5
        Repeater {
            model: screen.kiosk.languages
            PillButton {
                required property var modelData
                objectName: "language_" + modelData.code
                style: screen.style
                height: screen.style.buttonHeight * 0.8
                width: Math.min(implicitWidth, languages.ownLines ? languages.fullWidth
                                                                  : languages.room)
                primary: screen.kiosk.language === modelData.code
                text: modelData.name
                accessibleDescription: primary ? screen.kiosk.words.language : ""
                onTapped: screen.kiosk.setLanguage(modelData.code)
            }
        }
    }

    // "Aa": larger text for this guest's journey (off again for the next guest).
    PillButton {
        id: largerText
        objectName: "largerTextButton"
        style: screen.style
        primary: screen.kiosk.largeText
        checkable: true
        checked: screen.kiosk.largeText
        height: screen.style.buttonHeight * 0.8
        width: height * 1.6
        text: "Aa"
        accessibleName: screen.kiosk.words.larger_text
        readonly property bool besideLanguages: languages.visible && !languages.ownLines
        anchors.right: besideLanguages ? languages.left : parent.right
        anchors.rightMargin: besideLanguages ? screen.style.gap : screen.style.margin
        y: screen.style.margin * 0.35
        onTapped: screen.kiosk.setLargeText(!screen.kiosk.largeText)
    }

    Column {
        id: head
        x: screen.style.margin
        width: parent.width - 2 * screen.style.margin
        y: screen.style.portrait
           ? screen.areaTop + Math.max(0, (screen.areaBottom - screen.areaTop - screen.blockHeight) * 0.4)
           : screen.areaTop
        spacing: screen.style.gap * 0.6
        FitText {
            objectName: "questionPrompt"
            style: screen.style
            width: parent.width
            maxHeight: size * 2.6
            size: screen.style.promptSize * (screen.style.portrait ? 1.1 : 1)
            font.weight: Font.DemiBold
            lineHeight: 1.1
            text: screen.question.prompt || ""
        }
        FitText {
            objectName: "questionHelp"
            style: screen.style
            visible: text !== ""
            width: Math.min(parent.width, screen.style.bodySize * 0.8 * 40)
            x: screen.style.flipX(0, width, parent.width)
            maxHeight: screen.style.bodySize * 0.8 * 1.3 * 2.2
            size: screen.style.bodySize * 0.8
            color: screen.style.muted
            text: screen.question.help || ""
        }
        Text {
            objectName: "questionHow"
            width: parent.width
            horizontalAlignment: Text.AlignLeft  // mirrored right to left (FitText.qml)
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            text: screen.question.how || ""
            font.family: screen.style.family
            font.pixelSize: screen.style.fineSize * 1.1
            font.weight: Font.Medium
            font.letterSpacing: 1 * screen.style.s
            color: screen.style.accent
        }
    }

    Grid {
        id: grid
        objectName: "optionGrid"
        Accessible.role: Accessible.List
        Accessible.name: screen.question.prompt || ""
        Accessible.description: screen.question.how || ""
        x: screen.style.margin
        y: head.y + head.height + screen.style.gap * 1.5
        width: parent.width - 2 * screen.style.margin
        // The room the cards may take, wherever the block is placed (no binding loop).
        readonly property real room: screen.cardRoom
        columns: screen.columns
        spacing: screen.style.gap
        readonly property real cardWidth: (width - (columns - 1) * spacing) / columns
        // Larger text makes cards taller; where they would not fit even so, they keep at least
        // the height of cards at normal text size (LOOK.md's least) instead of running under
        // the bottom bar.
        readonly property real least: screen.rowsFit(screen.columns) ? screen.style.cardHeight
                                      : screen.style.cardHeight / screen.style.boxScale
        readonly property real cardHeight: Math.max(least,
            Math.min(screen.style.cardHeight * (screen.style.portrait ? 1.75 : 1.6),
                     (room - (screen.rows - 1) * spacing) / screen.rows))
        Repeater {
            model: screen.options
            OptionCard {
                required property var modelData
                style: screen.style
                option: modelData
                multiple: screen.question.multiple === true
                width: grid.cardWidth
                height: grid.cardHeight
                labelSize: screen.style.labelSize * (screen.tall ? 1.15 : 1)
                held: selected && screen.kiosk.questions.advancing
                selected: screen.kiosk.questions.selected.indexOf(modelData.id) >= 0
                available: screen.kiosk.questions.canPickMore || modelData.exclusive
                onTapped: screen.kiosk.questions.toggle(modelData.id)
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
            id: back
            objectName: "backButton"
            style: screen.style
            primary: false
            visible: screen.question.first !== true
            text: "\u2039  " + screen.kiosk.words.back
            anchors.left: parent.left
            onTapped: screen.kiosk.questions.back()
        }
        Column {
            id: progress
            objectName: "progress"
            // For screen readers: one bar that says "Question 2 of 5" (the dots are ignored).
            Accessible.role: Accessible.ProgressBar
            Accessible.name: screen.question.progress || ""
            // Between the buttons in landscape; above them in portrait, where the row is narrow.
            anchors.horizontalCenter: parent.horizontalCenter
            y: screen.style.portrait ? -height - screen.style.gap * 1.5 : (parent.height - height) / 2
            spacing: screen.style.gap * 0.5
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: 14 * screen.style.s
                Accessible.ignored: true
                Repeater {
                    model: screen.question.total || 0
                    Rectangle {
                        required property int index
                        width: index + 1 === screen.question.step ? 40 * screen.style.s : 14 * screen.style.s
                        height: 14 * screen.style.s
                        radius: height / 2
                        color: index + 1 <= screen.question.step ? screen.style.accent : screen.style.tint(screen.style.text, 0.25)
                    }
                }
            }
            Text {
                objectName: "progressText"
                Accessible.ignored: true  // the bar above carries it
                anchors.horizontalCenter: parent.horizontalCenter
                text: screen.question.progress || ""
                font.family: screen.style.family
                font.pixelSize: screen.style.fineSize
                color: screen.style.muted
            }
        }
        PillButton {
            id: next
            objectName: "nextButton"
            style: screen.style
            enabled: screen.kiosk.questions.canNext
            // Honest: "Skip" while an optional question has nothing chosen.
            text: (screen.question.last ? screen.kiosk.words.see_suggestion
                   : screen.kiosk.questions.skips ? screen.kiosk.words.skip
                   : screen.kiosk.words.next) + "  \u203A"
            anchors.right: parent.right
            onTapped: screen.kiosk.questions.next()
        }
    }
}

import QtQuick

// The kiosk window: one screen at a time, cross-faded, with the idle warning above all.
Window {
    id: window
    required property var kiosk
    required property var staff
    objectName: "kioskWindow"
    title: "Spa Kiosk"
    color: kioskStyle.background
    visible: true
    // Set by `KioskWindow.lock_down()`: no frame, above other windows.
    property bool lockedDown: false
    // Set by `KioskWindow` once the first frame is on screen.
    property bool firstFrameShown: false
    // False while taps are held back after a change of screen (TapGuard.qml); for tests.
    readonly property bool tapsTaken: !tapGuard.holding
    flags: lockedDown ? Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint : Qt.Window

    Style {
        id: kioskStyle
        theme: window.kiosk.theme
        width: window.width
        height: window.height
        family: window.kiosk.fontFamily
        large: window.kiosk.largeText
        mirrored: Qt.locale(window.kiosk.language).textDirection === Qt.RightToLeft
    }

    // Only the attract loop is made before the first frame; the other screens are made just
    // after it, in the pauses between frames (at once, should a guest be quicker than that).
    // Their making starts only then: Qt makes them in steps on its timers, which could otherwise
    // come before the first frame.
    Item {
        id: stage
        anchors.fill: parent
        visible: !window.kiosk.asleep
        // Right to left: the whole layout mirrors (Back on the right, the progress, the cards).
        LayoutMirroring.enabled: kioskStyle.mirrored
        LayoutMirroring.childrenInherit: true

        Fading {
            fade: kioskStyle.fade
            shown: window.kiosk.screen === "attract"
            AttractScreen { anchors.fill: parent; style: kioskStyle; kiosk: window.kiosk }
        }
        Fading {
            id: questionFading
            fade: kioskStyle.fade
            shown: window.kiosk.screen === "question"
            Loader {
                anchors.fill: parent
                active: window.firstFrameShown || questionFading.shown
                asynchronous: !questionFading.shown
                sourceComponent: Component { QuestionScreen { style: kioskStyle; kiosk: window.kiosk } }
            }
        }
        Fading {
            id: resultFading
            fade: kioskStyle.fade
            shown: window.kiosk.screen === "result"
            Loader {
                anchors.fill: parent
                active: window.firstFrameShown || resultFading.shown
                asynchronous: !resultFading.shown
                sourceComponent: Component { ResultScreen { style: kioskStyle; kiosk: window.kiosk } }
            }
        }
        Fading {
            id: consultFading
            fade: kioskStyle.fade
            shown: window.kiosk.screen === "consult"
            Loader {
                anchors.fill: parent
                active: window.firstFrameShown || consultFading.shown
                asynchronous: !consultFading.shown
                sourceComponent: Component { ConsultScreen { style: kioskStyle; kiosk: window.kiosk } }
            }
        }
        IdleOverlay { anchors.fill: parent; style: kioskStyle; kiosk: window.kiosk }
        // Every change of what a guest sees: a screen, a question, the idle warning on or off.
        TapGuard {
            id: tapGuard
            objectName: "tapGuard"
            fade: kioskStyle.fade
            // A question that came by itself, on a choice: the finger that chose may still be
            // tapping (a triple tap 600 ms apart), so it holds a little longer.
            settle: window.kiosk.questions.movedByChoice ? 700 : 300
            page: window.kiosk.screen + "/" + window.kiosk.questions.question.id + "/"
                  + (window.kiosk.idle.warning ? "idle" : "")
        }

        // Staff only: a long press in the top-left corner opens the PIN pad.
        Item {
            objectName: "staffCorner"
            width: 140 * kioskStyle.s
            height: width
            TapHandler {
                longPressThreshold: window.staff.holdSeconds
                onLongPressed: window.staff.openPad()
            }
        }
        // Made only while staff have it open (1.3 MiB the rest of the day), and at once, so that
        // no tap goes through to the screens below while it is being made.
        Loader {
            anchors.fill: parent
            LayoutMirroring.enabled: false  // staff's panel, in its own words
            LayoutMirroring.childrenInherit: true
            active: window.staff.open
            sourceComponent: Component { StaffPanel { style: kioskStyle; staff: window.staff } }
        }
    }

    // Outside opening hours: black and still (no frame is drawn while nothing changes), and
    // the touch that wakes the screen does nothing else.
    Rectangle {
        objectName: "sleepCover"
        anchors.fill: parent
        color: "black"
        visible: window.kiosk.asleep
        MouseArea { anchors.fill: parent }
    }
}

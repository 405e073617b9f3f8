import QtQuick

// The kiosk window: one screen at a time, cross-faded, with the idle warning above all.
Window {
    id: window
    required property var kiosk
    required property var staff
    objectName: "kioskWindow"
    title: "Spa Kiosk"
    color: style.background
    visible: true

    Style {
        id: style
        theme: window.kiosk.theme
        width: window.width
        height: window.height
        family: window.kiosk.fontFamily
    }

    Item {
        id: stage
        anchors.fill: parent

        Fading {
            fade: style.fade
            shown: window.kiosk.screen === "attract"
            AttractScreen { anchors.fill: parent; style: style; kiosk: window.kiosk }
        }
        Fading {
            fade: style.fade
            shown: window.kiosk.screen === "question"
            QuestionScreen { anchors.fill: parent; style: style; kiosk: window.kiosk }
        }
        Fading {
            fade: style.fade
            shown: window.kiosk.screen === "result"
            ResultScreen { anchors.fill: parent; style: style; kiosk: window.kiosk }
        }
        Fading {
            fade: style.fade
            shown: window.kiosk.screen === "consult"
            ConsultScreen { anchors.fill: parent; style: style; kiosk: window.kiosk }
        }
        IdleOverlay { anchors.fill: parent; style: style; kiosk: window.kiosk }

        // Staff only: a long press in the top-left corner opens the PIN pad.
        Item {
            objectName: "staffCorner"
            width: 140 * style.s
            height: width
            TapHandler {
                longPressThreshold: window.staff.holdSeconds
                onLongPressed: window.staff.openPad()
            }
        }
        StaffPanel { anchors.fill: parent; style: style; staff: window.staff }
    }
}

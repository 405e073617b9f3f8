<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>المس الشاشة لتجد الجلسة المناسبة لك</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>تخطي</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>اعرض اقتراحي</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>البدء من جديد</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>السؤال %1 من %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>اختر إجابة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>اختر حتى %n خيار</numerusform>
            <numerusform>اختر خيارًا واحدًا على الأكثر</numerusform>
            <numerusform>اختر خيارين على الأكثر</numerusform>
            <numerusform>اختر حتى %n خيارات</numerusform>
            <numerusform>اختر حتى %n خيارًا</numerusform>
            <numerusform>اختر حتى %n خيار</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>اختر كل ما ينطبق عليك</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>يمكنك تخطي هذا السؤال</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>اقتراحنا لك</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>لأنك أخبرتنا</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>خيار جيد أيضًا</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>أظهر هذا الرمز في مكتب الاستقبال</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>امسح الرمز للحجز</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</source>
        <comment>more_time</comment>
        <translation>
            <numerusform>تستغرق هذه الجلسة %n دقيقة، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
            <numerusform>تستغرق هذه الجلسة دقيقة واحدة، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
            <numerusform>تستغرق هذه الجلسة دقيقتين، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
            <numerusform>تستغرق هذه الجلسة %n دقائق، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
            <numerusform>تستغرق هذه الجلسة %n دقيقة، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
            <numerusform>تستغرق هذه الجلسة %n دقيقة، أي أكثر قليلًا من الوقت المتاح لك. يسعد مكتب الاستقبال بمساعدتك في إيجاد موعد مناسب.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>تم</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>سنبدأ من جديد الآن حفاظًا على خصوصية إجاباتك.</numerusform>
            <numerusform>سنبدأ من جديد بعد ثانية واحدة حفاظًا على خصوصية إجاباتك.</numerusform>
            <numerusform>سنبدأ من جديد بعد ثانيتين حفاظًا على خصوصية إجاباتك.</numerusform>
            <numerusform>سنبدأ من جديد بعد %n ثوانٍ حفاظًا على خصوصية إجاباتك.</numerusform>
            <numerusform>سنبدأ من جديد بعد %n ثانية حفاظًا على خصوصية إجاباتك.</numerusform>
            <numerusform>سنبدأ من جديد بعد %n ثانية حفاظًا على خصوصية إجاباتك.</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>أحتاج إلى مزيد من الوقت</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>نص أكبر</translation>
    </message>
</context>
</TS>

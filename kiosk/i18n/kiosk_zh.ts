<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>轻触屏幕，找到适合您的疗程</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>跳过</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>查看我的推荐</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>返回</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>请选择一项</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>最多可选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>请选择所有符合的选项</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>此题可以跳过</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>为您推荐</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>根据您的回答</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>同样适合</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>请在前台出示此代码</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>扫码预约</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</source>
        <comment>more_time</comment>
        <translation>
            <numerusform>此疗程需要 %n 分钟，比您的时间稍长一些。前台可以帮您安排合适的时间。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>完成</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>为保护您的隐私，我们将在 %n 秒后重新开始。</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>我需要更多时间</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>语言</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>放大文字</translation>
    </message>
</context>
</TS>

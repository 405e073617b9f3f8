<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Kiosk</name>
    <message>
        <source>Tap to find your session</source>
        <comment>tap_to_begin</comment>
        <translation>タップして、あなたに合うコースを探しましょう</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>next</comment>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Skip</source>
        <comment>skip</comment>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>See my suggestion</source>
        <comment>see_suggestion</comment>
        <translation>おすすめを見る</translation>
    </message>
    <message>
        <source>Back</source>
        <comment>back</comment>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Start over</source>
        <comment>start_over</comment>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <comment>step</comment>
        <translation>質問 %1 / %2</translation>
    </message>
    <message>
        <source>Choose one</source>
        <comment>pick_one</comment>
        <translation>1つお選びください</translation>
    </message>
    <message numerus="yes">
        <source>Choose up to %n</source>
        <comment>pick_up_to</comment>
        <translation>
            <numerusform>%n個までお選びください</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose all that apply</source>
        <comment>pick_any</comment>
        <translation>当てはまるものをすべてお選びください</translation>
    </message>
    <message>
        <source>You may skip this one</source>
        <comment>optional</comment>
        <translation>この質問はスキップできます</translation>
    </message>
    <message>
        <source>Our suggestion for you</source>
        <comment>your_suggestion</comment>
        <translation>あなたへのおすすめ</translation>
    </message>
    <message>
        <source>Because you told us</source>
        <comment>because</comment>
        <translation>お答えいただいた内容</translation>
    </message>
    <message>
        <source>Also good</source>
        <comment>also_good</comment>
        <translation>こちらもおすすめ</translation>
    </message>
    <message>
        <source>Show this code at the front desk</source>
        <comment>desk_code</comment>
        <translation>このコードを受付でお見せください</translation>
    </message>
    <message>
        <source>Scan to book</source>
        <comment>scan_to_book</comment>
        <translation>スキャンして予約</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This session takes %n minutes, a little more than the time you have. Our front desk can help you find a moment.</source>
        <comment>more_time</comment>
        <translation>
            <numerusform>このコースは%n分で、お時間を少し超えてしまいます。ご都合のよい時間は受付でご相談ください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <comment>done</comment>
        <translation>完了</translation>
    </message>
    <message>
        <source>Still there?</source>
        <comment>still_there</comment>
        <translation>まだご利用中ですか？</translation>
    </message>
    <message numerus="yes">
        <source>We will start over in %n seconds to keep your answers private.</source>
        <comment>reset_soon</comment>
        <translation>
            <numerusform>お答えの内容を守るため、%n秒後に最初の画面に戻ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>I need more time</source>
        <comment>need_more_time</comment>
        <translation>もう少し時間をください</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>language</comment>
        <translation>言語</translation>
    </message>
    <message>
        <source>Larger text</source>
        <comment>larger_text</comment>
        <translation>文字を大きく</translation>
    </message>
</context>
</TS>

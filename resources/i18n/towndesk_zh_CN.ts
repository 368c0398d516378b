<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="103"/>
        <source>{action} · case {number}</source>
        <translation>{action} · 案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="164"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="165"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="177"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="179"/>
        <source>What the department is called for</source>
        <translation>需要该部门做什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="180"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="181"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="183"/>
        <location filename="../../app/ui/action_dialog.py" line="189"/>
        <location filename="../../app/ui/action_dialog.py" line="203"/>
        <location filename="../../app/ui/action_dialog.py" line="220"/>
        <location filename="../../app/ui/action_dialog.py" line="232"/>
        <location filename="../../app/ui/action_dialog.py" line="242"/>
        <location filename="../../app/ui/action_dialog.py" line="393"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="186"/>
        <source>e.g. 蓬山区市场监督管理局</source>
        <translation>如：蓬山区市场监督管理局</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="188"/>
        <source>Transfer to</source>
        <translation>移送至</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="192"/>
        <source>e.g. 涉嫌非法经营罪</source>
        <translation>如：涉嫌非法经营罪</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="195"/>
        <source>e.g. The illegal turnover exceeds 50,000 yuan, which meets the prosecution threshold (price appraisal attached)</source>
        <translation>例如：非法经营数额已达五万元以上，达到立案追诉标准（附价格认定书）</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="201"/>
        <source>Suspected offence</source>
        <translation>涉嫌罪名</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="202"/>
        <source>Prosecution threshold</source>
        <translation>达到追诉标准的事实</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="210"/>
        <source>Who signed the receipt for the receiving unit, e.g. 张警官</source>
        <translation>接收单位在回执上签收的人，如 张警官</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="212"/>
        <source>Optional: receipt number, time of signing, etc.</source>
        <translation>可选：回执编号、签收时间等</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="213"/>
        <source>Receipt signed by</source>
        <translation>回执签收人</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="223"/>
        <source>Number of the case it duplicates</source>
        <translation>与之重复的案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="224"/>
        <source>Merge into case</source>
        <translation>合并到案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="229"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="231"/>
        <source>Extend by</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="240"/>
        <source>e.g. seasonal work, waiting for the spring</source>
        <translation>如：季节性施工，需等到开春</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="241"/>
        <source>Parked until</source>
        <translation>挂账至</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="245"/>
        <source>Fixed</source>
        <translation>已整改到位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="246"/>
        <source>Not fixed: back to the handler</source>
        <translation>未整改到位，退回处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="254"/>
        <source>On-site check</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="256"/>
        <source>What was done</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="256"/>
        <source>What you saw</source>
        <translation>现场所见</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="214"/>
        <location filename="../../app/ui/action_dialog.py" line="258"/>
        <location filename="../../app/ui/action_dialog.py" line="282"/>
        <location filename="../../app/ui/action_dialog.py" line="444"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="259"/>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="261"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="266"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="268"/>
        <source>What must be done, by when</source>
        <translation>督办要求及完成时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="269"/>
        <source>Supervision note</source>
        <translation>督办意见</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="272"/>
        <source>{action} case {number}?</source>
        <translation>确定对案件 {number} {action}吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="280"/>
        <source>Optional: who phoned it in, what they said</source>
        <translation>选填：谁来电告知、说了什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="303"/>
        <source>e.g. Checked on site: unlicensed business, for the market supervision office to deal with</source>
        <translation>例如：现场核实后属无照经营，由市场监管所查处</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="308"/>
        <source>Override reason</source>
        <translation>改派理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="344"/>
        <source>This is not what the lists suggest: give the override reason. It is kept with the case and used to correct the lists.</source>
        <translation>与清单建议不同：请写明改派理由，它会记入案件并用于修正清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="359"/>
        <source>Not our unit&apos;s duty (raise a duty dispute)</source>
        <translation>不属于本单位职责（提出职责争议）</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="363"/>
        <source>The enforcement office rules by the duty boundary list, or the joint meeting decides</source>
        <translation>由综合执法办依据职责边界清单裁定，或提交联席会议决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="382"/>
        <source>Matter codes of other list items; separate several with commas</source>
        <translation>清单中其他条目的事项编码，多个用顿号分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="384"/>
        <source>Matter codes, e.g. QS-XZCF-018; separate several with commas</source>
        <translation>事项编码，如 QS-XZCF-018，多个用顿号分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="394"/>
        <source>List items cited</source>
        <translation>引用的清单条目</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="402"/>
        <source>Why it is not your unit&apos;s duty, which unit should handle it, and under which rule</source>
        <translation>为什么不属于本单位职责，应由哪个单位办理，依据哪条规定</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="405"/>
        <source>e.g. Dispatched to the wrong unit; it is for … to handle</source>
        <translation>例如：派错单位，应由……办理</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="422"/>
        <source>Transfer letter</source>
        <translation>移送函</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="435"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="438"/>
        <source>e.g. A case was opened for investigation, decision no. …; or why no case was opened</source>
        <translation>例如：已立案侦查，立案决定书编号……；或不予立案的理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="442"/>
        <source>e.g. Accepted, acceptance notice no. …; or why it was not accepted</source>
        <translation>例如：已受理，受理通知书编号……；或不予受理的理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="456"/>
        <source>no duty phone on file</source>
        <translation>未登记值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="461"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="463"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="470"/>
        <source>{count} photos: {names}</source>
        <translation>{count} 张照片：{names}</translation>
    </message>
</context>
<context>
    <name>AgendaDialog</name>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="215"/>
        <source>Agenda · {meeting}</source>
        <translation>议程 · {meeting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="224"/>
        <source>Save agenda</source>
        <translation>保存议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="224"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="230"/>
        <source>{meeting}, {time}, {place}. Untick an item to take it off the agenda; tick a newly proposed one (in italics) to add it.</source>
        <translation>{meeting}，{time}，{place}。取消勾选即从议程中去掉该议题；勾选新提出的议题（斜体）即列入议程。</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="131"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="131"/>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="131"/>
        <source>Details</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="147"/>
        <source>An item of your own, e.g. 通报上次会议决议的落实情况</source>
        <translation>自拟议题，如：通报上次会议决议的落实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="150"/>
        <source>&amp;Add item</source>
        <translation>添加议题(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="166"/>
        <source>{kind} · new</source>
        <translation>{kind} · 新提出</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="176"/>
        <source>Proposed since the agenda was last saved</source>
        <translation>上次保存议程以后新提出的议题</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="212"/>
        <source>Nothing to propose from the data today: no undecided duty dispute and no supervised, long-overdue or cross-department case. Add an item of your own.</source>
        <translation>目前没有需要提请会议研究的事项：没有待裁定的职责争议，也没有多次督办、长期超期或跨部门的案件。可以自拟议题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="216"/>
        <source>{chosen} of {total} items on the agenda</source>
        <translation>共 {total} 项，已列入议程 {chosen} 项</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../../app/ui/background.py" line="156"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="157"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="207"/>
        <source>TownDesk</source>
        <translation>乡镇综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/background.py" line="214"/>
        <source>Something went wrong and the operation did not finish. Your data is unchanged. Please send the details below to the administrator.</source>
        <translation>操作出错，未能完成。数据没有变化。请把下面的详细信息发给管理员。</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../app/ui/board_page.py" line="86"/>
        <source>Enforcement supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="90"/>
        <source>Supervise</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="93"/>
        <source>Send a supervision notice (督办单) for the selected case</source>
        <translation>对选中的案件发出督办单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="96"/>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="105"/>
        <source>No case is overdue. Well done.</source>
        <translation>没有超期案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="128"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="129"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="130"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="131"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="132"/>
        <source>Overdue by</source>
        <translation>超期时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="133"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="164"/>
        <source>{unit} ({count})</source>
        <translation>{unit}（{count}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="216"/>
        <location filename="../../app/ui/board_page.py" line="218"/>
        <source>{span} overdue</source>
        <translation>已超期 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="221"/>
        <source>No lead unit</source>
        <translation>无牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="225"/>
        <source> (the longest {limit} shown)</source>
        <translation>（仅显示超期最久的 {limit} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="226"/>
        <source>{count} overdue</source>
        <translation>超期 {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="228"/>
        <source>, {count} due soon</source>
        <translation>，临期 {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="276"/>
        <source>Select a case to open it or to supervise it.</source>
        <translation>选中一件案件，可打开查看或督办。</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_page.py" line="279"/>
        <source>Supervision notices are sent by the leader or the supervisor.</source>
        <translation>督办单由分管领导或督查人员发出。</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../app/ui/calls_page.py" line="69"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="70"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="71"/>
        <location filename="../../app/ui/calls_page.py" line="167"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="72"/>
        <source>Called at</source>
        <translation>呼叫时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="73"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="74"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="75"/>
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="76"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="77"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="135"/>
        <source>Due {time}</source>
        <translation>时限 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="137"/>
        <source>Done {time}</source>
        <translation>完成 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="172"/>
        <source>{status}, to confirm</source>
        <translation>{status}，待确认</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <location filename="../../app/ui/calls_page.py" line="195"/>
        <source>Call response</source>
        <translation>呼叫响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="197"/>
        <source>Only calls not yet closed</source>
        <translation>只看未办结</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="204"/>
        <source>Response and arrival run on the clock, nights and holidays included. A call is closed only when the office confirms it (事不完人不撤). Double-click a call to open its case and record the next step.</source>
        <translation>响应和到场按自然时间计时，夜间和节假日照常计算。呼叫须由综合执法办确认后才算办结（事不完人不撤）。双击一条呼叫可打开案件，登记下一步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="211"/>
        <location filename="../../app/ui/calls_page.py" line="279"/>
        <source>No open calls.</source>
        <translation>没有未办结的呼叫。</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="274"/>
        <source>{count} open calls</source>
        <translation>未办结 {count} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="276"/>
        <source>{count} calls</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls_page.py" line="279"/>
        <source>No calls yet.</source>
        <translation>还没有呼叫。</translation>
    </message>
</context>
<context>
    <name>CaseConflict</name>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="51"/>
        <source>Not in effect (conflict)</source>
        <translation>未生效（冲突）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="52"/>
        <source>Concurrent change</source>
        <translation>并行修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="60"/>
        <source>Another device changed the case first; this step was kept in the record but did not take effect.</source>
        <translation>另一台设备先处理了本案；此步骤保留在记录中，但未生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="68"/>
        <source>This step took effect, but it was taken without knowing the step before it on another device.</source>
        <translation>此步骤已生效，但办理时并不知道另一台设备上的前一步处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="78"/>
        <source>settled</source>
        <translation>已处理</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../app/ui/case_detail.py" line="111"/>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="128"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="140"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="143"/>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="148"/>
        <source>Photos: {count}</source>
        <translation>照片 {count} 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="150"/>
        <source>Evidence list…</source>
        <translation>证据清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="152"/>
        <source>Every file with its SHA-256, who captured it, where and when, and custody</source>
        <translation>每个证据文件的 SHA-256、采集人、采集设备和时间，以及保管记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="206"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="220"/>
        <source>Suggested: {action}</source>
        <translation>建议：{action}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="238"/>
        <source>The lists suggest: {reason}</source>
        <translation>清单建议：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="266"/>
        <source>Print call slip</source>
        <translation>打印呼叫单</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="268"/>
        <source>Print supervision notice</source>
        <translation>打印督办单</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="271"/>
        <source>Print transfer letter</source>
        <translation>打印移送函</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="281"/>
        <source>This case is finished; nothing more to do.</source>
        <translation>案件已办结，无需再操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="282"/>
        <source>Nothing for you to do on this case now.</source>
        <translation>此案件目前没有需要您办理的事项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="301"/>
        <source>Boundary list item {no} {code} {name}: {lead} leads</source>
        <translation>边界清单第{no}项 {code} {name}：{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="313"/>
        <source>Power &amp; responsibility list {code} {name}: {unit}</source>
        <translation>权责清单 {code} {name}：{unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="371"/>
        <source>First receiver: {unit} · {person} · received {time}</source>
        <translation>首接单位：{unit} · 受理人 {person} · 受理时间 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="390"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="391"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="392"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="393"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="394"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="395"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="396"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="397"/>
        <source>Last change</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="426"/>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="427"/>
        <source>Confidential ({phone})</source>
        <translation>保密（{phone}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="453"/>
        <source>{file} · {size} KB · SHA-256 {hash}</source>
        <translation>{file} · {size} KB · SHA-256 {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="461"/>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../app/ui/case_filters.py" line="65"/>
        <source>Search description, address, category or case number (Ctrl+F)</source>
        <translation>搜索问题描述、地址、类别或案件编号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="68"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="71"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="73"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="74"/>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="77"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="91"/>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="93"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="124"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_filters.py" line="130"/>
        <source>{group} (all)</source>
        <translation>{group}（全部）</translation>
    </message>
</context>
<context>
    <name>CaseProgressPanel</name>
    <message>
        <location filename="../../app/ui/case_progress.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="47"/>
        <source>Route</source>
        <translation>分拨方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="48"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="50"/>
        <source>Cooperating</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="55"/>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="59"/>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="61"/>
        <source>{days} working days asked, awaiting approval</source>
        <translation>申请延期 {days} 个工作日，待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="70"/>
        <source>Parking</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="72"/>
        <source>until {date} asked, awaiting approval</source>
        <translation>申请挂账至 {date}，待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="79"/>
        <source>Parked until</source>
        <translation>挂账至</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="82"/>
        <source>{count} supervision notices</source>
        <translation>已督办 {count} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="85"/>
        <source>Supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="114"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_progress.py" line="134"/>
        <source>due {time}</source>
        <translation>时限 {time}</translation>
    </message>
</context>
<context>
    <name>CaseRecords</name>
    <message>
        <location filename="../../app/ui/case_records.py" line="45"/>
        <source>Duty disputes</source>
        <translation>职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="47"/>
        <source>Transfers</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="75"/>
        <source>{unit} says it is not its duty ({time}, {status})</source>
        <translation>{unit}认为不属于本单位职责（{time}，{status}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="82"/>
        <source>Cited: {items}</source>
        <translation>引用：{items}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="87"/>
        <source>Ruling: {lead} leads, {helpers} cooperate</source>
        <translation>裁定：{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="91"/>
        <source>Ruling: {lead} leads</source>
        <translation>裁定：{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="99"/>
        <source>Boundary list amended: {item}</source>
        <translation>已修改边界清单 {item}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="106"/>
        <source>(no letter number)</source>
        <translation>（无函号）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="109"/>
        <source>{letter} transferred in from {unit} ({time})</source>
        <translation>{letter} 由{unit}移入（{time}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="114"/>
        <source>{letter} transferred to {unit} ({time}), suspected offence: {offence}</source>
        <translation>{letter} 移送{unit}（{time}），涉嫌：{offence}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="119"/>
        <source>{letter} transferred to {unit} ({time})</source>
        <translation>{letter} 移送{unit}（{time}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="130"/>
        <source>No receipt yet</source>
        <translation>回执未回</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="132"/>
        <source>Receipt signed by {who} ({time})</source>
        <translation>回执：{who}签收（{time}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="140"/>
        <source>Outcome not yet reported</source>
        <translation>结果待反馈</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_records.py" line="141"/>
        <source>Outcome: {outcome} ({time})</source>
        <translation>结果：{outcome}（{time}）</translation>
    </message>
</context>
<context>
    <name>CaseStep</name>
    <message>
        <location filename="../../app/ui/case_path.py" line="191"/>
        <source>Sync conflict settled</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="194"/>
        <source>{count} steps looked at</source>
        <translation>核对了 {count} 个步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="210"/>
        <source>{count} photos</source>
        <translation>照片 {count} 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="219"/>
        <source>transfer letter {letter}</source>
        <translation>移送函 {letter}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="223"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="237"/>
        <source>not as the lists suggest, because: {reason}</source>
        <translation>未按清单建议，改派理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="251"/>
        <source>{lead} handles it itself</source>
        <translation>由{lead}自行处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="256"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="260"/>
        <source>{lead} leads, {helpers} cooperate</source>
        <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="263"/>
        <source>{lead} leads</source>
        <translation>{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="267"/>
        <source>{unit} (urgent): {reason}</source>
        <translation>{unit}（紧急）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="271"/>
        <source>{unit}: {reason}</source>
        <translation>{unit}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="277"/>
        <source>duty phone {phone}</source>
        <translation>值班电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="283"/>
        <source>To {authority}: {reason}</source>
        <translation>移送至{authority}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="291"/>
        <source>Suspected offence: {offence}; {reason}</source>
        <translation>涉嫌：{offence}；{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="294"/>
        <source>why it meets the prosecution threshold: {threshold}</source>
        <translation>达到追诉标准的事实：{threshold}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="304"/>
        <source>Not the unit&apos;s duty: {reason}</source>
        <translation>不属于本单位职责：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="307"/>
        <source>cited: {items}</source>
        <translation>引用：{items}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="310"/>
        <source>a duty dispute is raised</source>
        <translation>已提出职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="314"/>
        <source>Receipt signed by {who}</source>
        <translation>{who}签收回执</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="323"/>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="327"/>
        <source>Merged into case {number}</source>
        <translation>合并到案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="331"/>
        <source>{unit} signed for it</source>
        <translation>{unit}已签收</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="335"/>
        <source>{days} working days: {reason}</source>
        <translation>{days} 个工作日：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="339"/>
        <source>{days} more working days</source>
        <translation>延长 {days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="343"/>
        <source>Until {date}: {reason}</source>
        <translation>挂账至 {date}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="347"/>
        <source>Parked until {date}; the clock stops</source>
        <translation>挂账至 {date}，暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="351"/>
        <source>The clock runs again</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="354"/>
        <source>Fixed: verified on site</source>
        <translation>现场核查：已整改到位</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="356"/>
        <source>Not fixed: back to the handler</source>
        <translation>现场核查：未整改到位，退回处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="362"/>
        <source>Supervision notice: {note}</source>
        <translation>督办意见：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="366"/>
        <source>Reason: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="66"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="67"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="69"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="70"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="71"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="72"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="73"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="74"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="75"/>
        <source>First receiver</source>
        <translation>首接单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_table_model.py" line="142"/>
        <source>This column cannot be sorted</source>
        <translation>此列不能排序</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../app/ui/cases_page.py" line="52"/>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="54"/>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="56"/>
        <source>No case matches these filters.</source>
        <translation>没有符合条件的案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="93"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="127"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="140"/>
        <source>{count} cases</source>
        <translation>共 {count} 件</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <location filename="../../app/ui/case_path.py" line="54"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="74"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="76"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="78"/>
        <source>under a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="62"/>
        <source>1 working day</source>
        <translation>1 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="64"/>
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="87"/>
        <source>parked: the clock is stopped</source>
        <translation>已挂账，暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="89"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="95"/>
        <location filename="../../app/ui/case_path.py" line="98"/>
        <source>{span} overdue</source>
        <translation>已超期 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="101"/>
        <location filename="../../app/ui/case_path.py" line="141"/>
        <source>{span} left</source>
        <translation>还剩 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="132"/>
        <source>took {span} (late)</source>
        <translation>用时 {span}（超时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="135"/>
        <source>took {span}</source>
        <translation>用时 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="140"/>
        <source>{span} late</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="146"/>
        <source>Sign-for deadline</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="147"/>
        <source>Handling deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="148"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="149"/>
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="93"/>
        <source>Sync conflict: two devices handled this case differently while offline. Check both and settle it.</source>
        <translation>同步冲突：两台设备离线时对本案作了不同处理，请核对后处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="101"/>
        <source>The timeline marks the steps involved as “not in effect (conflict)” or “concurrent change”.</source>
        <translation>时间线中涉及的步骤标为“未生效（冲突）”或“并行修改”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="116"/>
        <source>Settle conflict…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="122"/>
        <source>A clerk, administrator or leader settles it on the office PC.</source>
        <translation>由受理员、管理员或分管领导在综合执法办电脑上处理。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="143"/>
        <source>Settle the sync conflict of case {number}</source>
        <translation>处理案件 {number} 的同步冲突</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="147"/>
        <source>These steps were taken on two devices while they were offline. Check them with the people involved. To adopt a step that did not take effect, take it again after settling.</source>
        <translation>以下步骤是两台设备离线时分别办理的，请与相关人员核对。如需采用未生效的处理，请在处理冲突后再办理一次该步骤。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="155"/>
        <source>No open conflict.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="160"/>
        <source>How was it settled? (recorded in the timeline)</source>
        <translation>处理意见（记入时间线）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="165"/>
        <source>e.g. Checked with the grid worker: the dispatch to the squadron stands.</source>
        <translation>例如：已与网格员核实，以派遣执法中队为准。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="173"/>
        <source>Record as settled</source>
        <translation>确认已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_conflict.py" line="177"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConflictList</name>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="53"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="53"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="54"/>
        <source>Double-click a case to open it and settle the conflict</source>
        <translation>双击案件，打开后处理冲突</translation>
    </message>
</context>
<context>
    <name>CooperatingUnits</name>
    <message>
        <location filename="../../app/ui/unit_lists.py" line="115"/>
        <source>Cooperating units chosen: {units}</source>
        <translation>已选配合单位：{units}</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_lists.py" line="117"/>
        <source>No cooperating units chosen</source>
        <translation>未选配合单位</translation>
    </message>
</context>
<context>
    <name>DateBox</name>
    <message>
        <location filename="../../app/ui/case_filters.py" line="35"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="49"/>
        <source>Rule on a duty dispute · case {number}</source>
        <translation>裁定职责争议 · 案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="53"/>
        <source>{unit} says case {number} ({category}) is not its duty. Which unit leads it?</source>
        <translation>{unit}认为案件 {number}（{category}）不属于本单位职责。由哪个单位牵头办理？</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="62"/>
        <source>(choose one)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="77"/>
        <source>Under which list item or rule, and why this unit leads</source>
        <translation>依据哪条清单或规定，为什么由该单位牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="79"/>
        <source>Amend the duty boundary list as well</source>
        <translation>同时修改职责边界清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="84"/>
        <source>Boundary list item {no} ({code}) covers other categories too: “{category}” gets an item of its own naming the chosen unit as lead, in a new version of the list that names this ruling.</source>
        <translation>边界清单第{no}项（{code}）还包含其他问题类别：将为“{category}”单列一项，由所选单位牵头，清单生成新版本并注明本次裁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="90"/>
        <source>Boundary list item {no} ({code}) will name the chosen unit as lead, in a new version of the list that names this ruling.</source>
        <translation>边界清单第{no}项（{code}）将改为所选单位牵头，清单生成新版本并注明本次裁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="95"/>
        <source>The boundary list has no item for “{category}” yet: one is added, in a new version of the list.</source>
        <translation>边界清单还没有“{category}”的条目：将新增一项，清单生成新版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="104"/>
        <source>&amp;Lead unit</source>
        <translation>牵头单位(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="105"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="107"/>
        <source>&amp;Reasoning</source>
        <translation>裁定理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="110"/>
        <source>Rule</source>
        <translation>裁定</translation>
    </message>
</context>
<context>
    <name>DecisionList</name>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="94"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="94"/>
        <source>Decision</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="94"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="94"/>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="116"/>
        <source>No. {number}</source>
        <translation>第 {number} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="129"/>
        <source>{deadline}
{days} days late</source>
        <translation>{deadline}
已超期 {days} 天</translation>
    </message>
</context>
<context>
    <name>DecisionRow</name>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="84"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="88"/>
        <source>What the meeting decided, in one or two sentences</source>
        <translation>会议决定的事项，一两句话写清楚</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="90"/>
        <location filename="../../app/ui/minutes_dialog.py" line="102"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="99"/>
        <source>(settles no duty dispute)</source>
        <translation>（不涉及职责争议）</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="104"/>
        <source>Amend the boundary list</source>
        <translation>同时修改职责边界清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="108"/>
        <source>The boundary list&apos;s entry for the case&apos;s category gets this lead unit; the list gets a new version naming this decision</source>
        <translation>职责边界清单中该案件问题类别的条目改为由此单位牵头，清单生成新版本并注明本项决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="130"/>
        <source>&amp;Deadline</source>
        <translation>完成期限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="144"/>
        <source>Decision</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="145"/>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="146"/>
        <source>Settles dispute</source>
        <translation>裁定的职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="147"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="148"/>
        <source>Cooperating</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="169"/>
        <source>Decision {position}</source>
        <translation>第 {position} 项决议</translation>
    </message>
</context>
<context>
    <name>DeviceList</name>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="71"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="72"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="73"/>
        <source>Enrolled</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="74"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="75"/>
        <source>Waiting to export</source>
        <translation>待导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="76"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="88"/>
        <source>{device} (this device)</source>
        <translation>{device}（本机）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="93"/>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="95"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="98"/>
        <source> ({m} not yet confirmed)</source>
        <translation>（{m} 条待对方确认）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="100"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="106"/>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="106"/>
        <source>In use</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="113"/>
        <source>Key fingerprint {fingerprint}</source>
        <translation>密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="123"/>
        <source>No device is enrolled yet: the office&apos;s keys are set up first.</source>
        <translation>尚未注册任何设备：请先设置综合执法办电脑的设备密钥。</translation>
    </message>
</context>
<context>
    <name>DisputesPage</name>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="74"/>
        <source>Duty disputes</source>
        <translation>职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="80"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="84"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="95"/>
        <source>When a unit returns a case as “not our duty”, rule here on who leads it: directly by the duty boundary list, or by referring it to the joint meeting. A ruling may amend the duty boundary list at the same time.</source>
        <translation>承办单位以“不属于本单位职责”回退案件时，在这里裁定由谁牵头：依据职责边界清单直接裁定，或提交联席会议决定。裁定可以同时修改职责边界清单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="106"/>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="107"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="108"/>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="109"/>
        <source>Raised by</source>
        <translation>提出单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="110"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="157"/>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="160"/>
        <source>Rule…</source>
        <translation>裁定…</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="163"/>
        <source>The enforcement office rules by the lists which unit leads</source>
        <translation>由综合执法办依据清单裁定由谁牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="166"/>
        <source>Refer to a joint meeting…</source>
        <translation>提交联席会议…</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="196"/>
        <source>{total} in all, {open} awaiting a ruling</source>
        <translation>共 {total} 件，待裁定 {open} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="221"/>
        <source>No duty disputes with the status “{status}”.</source>
        <translation>没有{status}的职责争议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="226"/>
        <source>No duty disputes yet. They appear here when a unit returns a case as “not our duty”.</source>
        <translation>还没有职责争议。承办单位以“不属于本单位职责”回退案件时，争议会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="246"/>
        <source>Power &amp; responsibility list: {name} (responsible unit: {unit})</source>
        <translation>权责清单：{name}（责任单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="259"/>
        <source>Duty boundary list item {no}: {name}, {lead} leads, {helpers} cooperate</source>
        <translation>职责边界清单第{no}项：{name}由{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="261"/>
        <source>Duty boundary list item {no}: {name}, {lead} leads</source>
        <translation>职责边界清单第{no}项：{name}由{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="288"/>
        <source>Put it on the agenda of a joint meeting not yet held</source>
        <translation>列入一次尚未召开的联席会议的议题</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="290"/>
        <source>No joint meeting is coming up: schedule one first.</source>
        <translation>还没有待召开的联席会议：请先安排一次联席会议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="293"/>
        <source>Select a dispute to see it here.</source>
        <translation>选中一件争议，这里显示详情。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="301"/>
        <source>Duty disputes are ruled on by the enforcement office (clerks, administrators) or the leader in charge.</source>
        <translation>职责争议由综合执法办（受理员、管理员）或分管领导裁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="306"/>
        <source>This dispute has been ruled on.</source>
        <translation>这件争议已经裁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="322"/>
        <source>Category: {category} · raised by {unit} on {time}</source>
        <translation>问题类别：{category} · {unit}于 {time} 提出</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="333"/>
        <source>(not in the lists)</source>
        <translation>（清单中没有这一项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="337"/>
        <source>(no list items cited)</source>
        <translation>（没有引用清单条目）</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="356"/>
        <source>The duty boundary list has no item for “{category}” (routed by the division rule or by category).</source>
        <translation>职责边界清单没有“{category}”的条目（按职责分工办法或问题类别分拨）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="366"/>
        <source>Address: {address}</source>
        <translation>地址：{address}</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="371"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="372"/>
        <source>Why it is not the unit&apos;s duty</source>
        <translation>不属于本单位职责的理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="373"/>
        <source>List items cited</source>
        <translation>引用的清单条目</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="374"/>
        <source>What the duty boundary list says now</source>
        <translation>职责边界清单现在的规定</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="379"/>
        <source>On the agenda of {meeting}, awaiting its decision.</source>
        <translation>已列入{meeting}的议题，等待会议决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="383"/>
        <source>Referred to the joint meeting, awaiting its decision.</source>
        <translation>已提交联席会议，等待会议决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="385"/>
        <source>Where it stands</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="387"/>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="394"/>
        <source>{lead} leads, {helpers} cooperate</source>
        <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="396"/>
        <source>{lead} leads</source>
        <translation>{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="401"/>
        <source>Ruled on {time}</source>
        <translation>裁定时间：{time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="407"/>
        <source>By a decision of joint meeting no. {number} ({time})</source>
        <translation>依据第 {number} 次联席会议（{time}）的决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="414"/>
        <source>Duty boundary list amended: {item}</source>
        <translation>已修改职责边界清单：{item}</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="452"/>
        <source>The duty dispute on case {number} was referred to a joint meeting.</source>
        <translation>案件 {number} 的职责争议已提交联席会议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="464"/>
        <source>The duty dispute on case {number} was ruled on: {lead} leads. The duty boundary list was amended ({item}).</source>
        <translation>案件 {number} 的职责争议已裁定：{lead}牵头。职责边界清单已修改（{item}）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/disputes_page.py" line="468"/>
        <source>The duty dispute on case {number} was ruled on: {lead} leads.</source>
        <translation>案件 {number} 的职责争议已裁定：{lead}牵头。</translation>
    </message>
</context>
<context>
    <name>DuplicateHintsPanel</name>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="20"/>
        <source>Possible duplicates</source>
        <translation>可能重复的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="48"/>
        <source>Choose a category and a grid and describe the problem: similar cases of the last 7 days in the same grid will be listed here.</source>
        <translation>选择类别和网格并填写问题描述后，这里会列出同一网格近 7 天内的相似案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="57"/>
        <source>No similar case in this grid in the last 7 days.</source>
        <translation>该网格近 7 天内没有相似案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="61"/>
        <source>{count} similar case(s) in the last 7 days. If it is the same problem, open the case instead of registering it again.</source>
        <translation>近 7 天内有 {count} 件相似案件。如果是同一问题，请打开原案件，不要重复登记。</translation>
    </message>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="66"/>
        <source>{number}  ·  {time}  ·  {score} similar</source>
        <translation>{number}  ·  {time}  ·  相似度 {score}</translation>
    </message>
    <message>
        <location filename="../../app/ui/duplicate_hints.py" line="74"/>
        <source>Double-click to open this case</source>
        <translation>双击打开此案件</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="79"/>
        <source>Enrol a field laptop</source>
        <translation>注册外业终端</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="84"/>
        <location filename="../../app/ui/enrol_dialog.py" line="332"/>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="86"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="119"/>
        <source>The office gives the laptop its identity: an enrolment file, sealed with a one-time password, carries the laptop&apos;s keys and everything it needs to start.</source>
        <translation>由综合执法办为终端建立身份：注册文件用一次性口令加密，内含终端的密钥和开始使用所需的全部数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="126"/>
        <source>e.g. Qingshi village grid laptop</source>
        <translation>如：青石村网格终端</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="146"/>
        <source>At least {limit} characters. Tell it to the laptop&apos;s user in person, never with the file. The laptop asks for it once when it joins and keeps it as its device key password.</source>
        <translation>至少 {limit} 位。请当面告诉终端使用人，不要和注册文件放在一起交付。终端加入时输入一次，此后即为该终端的设备密钥口令。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="156"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="166"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="167"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="168"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="169"/>
        <source>One-time password</source>
        <translation>一次性口令</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="170"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="172"/>
        <source>Save the file as</source>
        <translation>注册文件保存为</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="201"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="210"/>
        <source>It asks for the one-time password. Run it in the folder holding the file (or give the file&apos;s full path); add --db &lt;database file&gt; only to keep the laptop&apos;s database somewhere else than the program&apos;s data folder. The laptop then opens TownDesk and syncs from its Sync page.</source>
        <translation>运行时会要求输入一次性口令。请在注册文件所在的文件夹中运行（或写出文件的完整路径）；只有数据库不放在程序默认数据目录时，才需加上 --db &lt;数据库文件&gt;。之后在终端上打开本程序，在“同步”页交换同步包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="234"/>
        <source>Only a department laptop belongs to a department</source>
        <translation>只有部门终端需要选择所属部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="240"/>
        <source>EnrolmentFile-{name}.tdenrol</source>
        <translation>注册文件-{name}.tdenrol</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="240"/>
        <source>laptop</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="250"/>
        <source>Save the enrolment file</source>
        <translation>保存注册文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="252"/>
        <source>Enrolment files ({pattern})</source>
        <translation>注册文件 ({pattern})</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="286"/>
        <source>Enter a name for the laptop.</source>
        <translation>请填写终端的设备名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="289"/>
        <source>Choose the laptop&apos;s department.</source>
        <translation>请选择终端所属部门。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="293"/>
        <source>The one-time password needs at least {limit} characters.</source>
        <translation>一次性口令至少 {limit} 位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="301"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="304"/>
        <source>Choose where to save the enrolment file.</source>
        <translation>请选择注册文件的保存位置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="308"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="314"/>
        <source>{file} exists already. Choose another name.</source>
        <translation>已有同名文件 {file}，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="332"/>
        <source>Writing the file…</source>
        <translation>正在写入注册文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="358"/>
        <source>The enrolment file could not be written: {reason}</source>
        <translation>无法写入注册文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="371"/>
        <source>{name} is enrolled: code {code}, {kind}.</source>
        <translation>已注册 {name}：设备编码 {code}，{kind}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/enrol_dialog.py" line="379"/>
        <source>The enrolment file is written:
{path}

1. Copy the file to the laptop (USB stick).
2. Tell the laptop&apos;s user the one-time password in person, not with the file.
3. On the laptop, run:</source>
        <translation>注册文件已写入：
{path}

1. 用 U 盘把注册文件拷到终端上。
2. 当面把一次性口令告诉终端使用人，不要随文件一起交付。
3. 在终端上运行：</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="36"/>
        <source>Enforcement office</source>
        <translation>综合执法办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="37"/>
        <source>Stationed department</source>
        <translation>派驻机构</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="38"/>
        <source>District department</source>
        <translation>区直部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="39"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="40"/>
        <source>Clerk</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="41"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="42"/>
        <source>Department officer</source>
        <translation>部门人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="43"/>
        <source>Supervisor</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="44"/>
        <source>Leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="45"/>
        <source>Patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="46"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="47"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="48"/>
        <source>Referral</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="49"/>
        <source>Transfer-in</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="50"/>
        <source>Joint patrol</source>
        <translation>联合巡察</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="51"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="52"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="53"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="54"/>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="55"/>
        <source>Being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="56"/>
        <source>Parked</source>
        <translation>挂账中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="57"/>
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="58"/>
        <source>Awaiting closure</source>
        <translation>待结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="59"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="60"/>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="61"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="62"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="67"/>
        <source>Handled by the township</source>
        <translation>镇街自行处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="68"/>
        <source>Dispatched to a stationed department</source>
        <translation>派遣派驻机构</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="69"/>
        <source>District department called</source>
        <translation>呼叫区直部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="74"/>
        <source>Awaiting a ruling</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="75"/>
        <source>Referred to a joint meeting</source>
        <translation>已提交联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="76"/>
        <source>Ruled on</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="81"/>
        <source>Duty dispute</source>
        <translation>职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="82"/>
        <source>Supervised repeatedly</source>
        <translation>多次督办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="83"/>
        <source>Long overdue</source>
        <translation>长期超期</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="84"/>
        <source>Cross-department</source>
        <translation>跨部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="85"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="54"/>
        <source>Evidence list of case {number}</source>
        <translation>案件 {number} 的证据清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="55"/>
        <source>Evidence list: {count} files</source>
        <translation>证据清单：共 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="59"/>
        <source>Each file is kept with its original bytes and named by its SHA-256 hash, taken when it was captured. Anyone can recompute the hash of a copy and compare.</source>
        <translation>每个文件按原样保存，以采集时计算的 SHA-256 哈希值命名。任何人都可以对副本重新计算哈希值进行比对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="66"/>
        <source>This case has no evidence files.</source>
        <translation>本案没有证据文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="70"/>
        <source>Copy SHA-256</source>
        <translation>复制 SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="71"/>
        <source>Copy the hash of the selected file (Ctrl+C)</source>
        <translation>复制所选文件的哈希值（Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="76"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="95"/>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="96"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="97"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="98"/>
        <source>Captured (by · on device · at)</source>
        <translation>采集（人员 · 设备 · 时间）</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="99"/>
        <source>Custody since (sync files)</source>
        <translation>此后的保管（同步包传递）</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="128"/>
        <source>missing here</source>
        <translation>本机缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="132"/>
        <source>The file is not on this device (towndesk verify).</source>
        <translation>本机没有这个文件（可运行 towndesk verify 检查）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="155"/>
        <source>added {time}</source>
        <translation>{time} 加入</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="161"/>
        <source>Still on the device that captured it</source>
        <translation>仍在采集设备上，未经同步包传递</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="164"/>
        <source>{time} to {device}, from {sender} by sync file {file}</source>
        <translation>{time} 由 {sender} 经同步包 {file} 传至 {device}</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence_dialog.py" line="171"/>
        <source>, imported by {person}</source>
        <translation>，导入人 {person}</translation>
    </message>
</context>
<context>
    <name>FieldBanner</name>
    <message>
        <location filename="../../app/ui/field_banner.py" line="19"/>
        <source>never</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="21"/>
        <source>{time} exported to {peer}</source>
        <translation>{time} 导出给 {peer}</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="23"/>
        <source>{time} imported from {peer}</source>
        <translation>{time} 导入 {peer} 的同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="29"/>
        <source>{n} records wait to be exported to the office</source>
        <translation>{n} 条记录待导出给综合执法办</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="33"/>
        <source>all exported; {n} records wait for the office to confirm receipt</source>
        <translation>已全部导出，{n} 条记录待综合执法办确认收到</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="36"/>
        <source>the office has every record</source>
        <translation>记录已全部交给综合执法办</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="42"/>
        <source>On this laptop you sign for, handle and report back on your unit&apos;s cases (签收、处置、反馈处置结果).</source>
        <translation>在本机可以签收、处置本单位的案件并反馈处置结果；</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="48"/>
        <source>On this laptop you report problems (上报问题) and verify on site (核查).</source>
        <translation>在本机可以上报问题、现场核查；</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="52"/>
        <source>Triage, approvals and closing are done on the office PC; sync files carry the records to and from the office.</source>
        <translation>研判派遣、审批和结案在综合执法办电脑上办理，记录通过同步包与综合执法办交换。</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="82"/>
        <source>Sync…</source>
        <translation>同步…</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="83"/>
        <source>Open the sync page to export or import a sync file</source>
        <translation>打开同步页，导出或导入同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="102"/>
        <source>Field laptop {name} ({code}), works offline</source>
        <translation>外勤终端 {name}（{code}）· 离线使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/field_banner.py" line="108"/>
        <source>Last sync: {moment} · {waiting}</source>
        <translation>上次同步：{moment} · {waiting}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="22"/>
        <source>Welcome to TownDesk</source>
        <translation>欢迎使用综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="25"/>
        <source>There is no database yet at {path}.

You can create the demo township (青石镇, {cases} cases) to try TownDesk out. To set up your own township, the administrator runs &apos;towndesk init --township NAME --code CODE&apos; instead.</source>
        <translation>还没有数据库：{path}

可以先生成演示乡镇（青石镇，{cases} 件案件）熟悉功能。正式使用时，请由管理员运行“towndesk init --township 乡镇名称 --code 编码”创建本乡镇。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="34"/>
        <source>Create the demo township</source>
        <translation>生成演示乡镇</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="37"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="66"/>
        <source>Creating the demo township…</source>
        <translation>正在生成演示乡镇…</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="148"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="149"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="150"/>
        <source>Device</source>
        <translation>对方设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="151"/>
        <source>New cases</source>
        <translation>新案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="152"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="153"/>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="154"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="155"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="156"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="167"/>
        <source>(inside the enrolment file)</source>
        <translation>（随注册文件交付）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_lists.py" line="184"/>
        <source>File written {time}</source>
        <translation>同步包写入于 {time}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/ui/thumbnails.py" line="39"/>
        <source>This photo cannot be shown: {file}</source>
        <translation>无法显示这张照片：{file}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="39"/>
        <source>Import sync file</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="41"/>
        <source>Sync file from {sender}</source>
        <translation>来自 {sender} 的同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="44"/>
        <source>Written {time} · file {name}</source>
        <translation>写入时间 {time} · 文件 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="63"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="68"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="85"/>
        <source>New cases</source>
        <translation>新案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="88"/>
        <source>New records (steps on cases, reference data)</source>
        <translation>新记录（案件办理步骤、基础资料）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="91"/>
        <source>New evidence files</source>
        <translation>新证据文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="92"/>
        <source>Already here (skipped)</source>
        <translation>本机已有（跳过）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="95"/>
        <source>Quarantined (differ from records here)</source>
        <translation>隔离（与本机记录不符）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="98"/>
        <source>Held back (earlier records missing)</source>
        <translation>暂缓（缺少更早的记录）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="127"/>
        <source>This sync file was imported before. Importing it again would change nothing.</source>
        <translation>这个同步包已经导入过，再次导入不会改变任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="138"/>
        <source>{n} records differ from records already here with the same number. They are kept aside (quarantined) and do not take effect; tell the administrator.</source>
        <translation>有 {n} 条记录与本机已有的同编号记录不一致，将被隔离，不会生效；请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="149"/>
        <source>{n} records follow records this device has not received yet. They wait; ask the sender for the earlier sync file, or for a full export.</source>
        <translation>有 {n} 条记录的前序记录本机尚未收到，暂缓导入；请对方提供更早的同步包，或导出完整同步包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="159"/>
        <source>Nothing new: this device already has every record in the file. Importing it still records what the sender has received.</source>
        <translation>没有新内容：文件中的记录本机都已有。导入后仍会记下对方已收到哪些内容。</translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="171"/>
        <source>Imported the sync file from {sender}: {cases} new cases, {events} new records, {evidence} new evidence files.</source>
        <translation>已导入 {sender} 的同步包：新案件 {cases} 件，新记录 {events} 条，新证据文件 {evidence} 个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="184"/>
        <source>{n} new sync conflicts: two devices handled the same case differently while offline. Open the case and settle it.</source>
        <translation>新产生 {n} 件同步冲突：两台设备离线时对同一案件作了不同处理。请打开案件，核对后处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="192"/>
        <source>Cases in conflict: {numbers}</source>
        <translation>冲突案件：{numbers}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="198"/>
        <source>{n} records were quarantined and did not take effect.</source>
        <translation>{n} 条记录被隔离，未生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="204"/>
        <source>{n} records wait for an earlier sync file.</source>
        <translation>{n} 条记录暂缓，等待更早的同步包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_preview.py" line="210"/>
        <source>This sync file was imported before; nothing changed.</source>
        <translation>这个同步包已经导入过，未作任何改动。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="80"/>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="96"/>
        <source>Type to search, e.g. 占道</source>
        <translation>输入关键字查找，如“占道”</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="97"/>
        <source>Type a grid, village or code</source>
        <translation>输入网格、村/社区名称或编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="101"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="103"/>
        <source>Where is it? Village, street, landmark</source>
        <translation>在哪里？村（社区）、道路、地标</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="106"/>
        <source>What is the problem? Who, what, since when.</source>
        <translation>发生了什么问题？涉及谁、什么情况、从何时开始。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="109"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="111"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="113"/>
        <source>Latitude, e.g. 37.52</source>
        <translation>纬度，如 37.52</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="115"/>
        <source>Longitude, e.g. 121.37</source>
        <translation>经度，如 121.37</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="122"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="123"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="128"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="147"/>
        <source>Category *</source>
        <translation>问题类别 *</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="148"/>
        <source>Grid *</source>
        <translation>网格 *</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="154"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="155"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="156"/>
        <source>Description *</source>
        <translation>问题描述 *</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="160"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="162"/>
        <source>Confidential: only clerks, supervisors and administrators see the reporter.</source>
        <translation>保密：反映人信息仅受理员、督查人员和管理员可见。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="169"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="177"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="188"/>
        <source>First receiver: {unit} ({name})</source>
        <translation>首接单位：{unit}（受理人 {name}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="254"/>
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="281"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="283"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="365"/>
        <source>Discard this case?</source>
        <translation>放弃登记？</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake_dialog.py" line="366"/>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>已填写的内容还没有保存，确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <location filename="../../app/ui/list_import.py" line="75"/>
        <source>Import a list</source>
        <translation>导入清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="76"/>
        <source>Import spreadsheet: {source}</source>
        <translation>导入表格：{source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="80"/>
        <source>{columns} header columns, {rows} data rows.</source>
        <translation>表头 {columns} 列，数据 {rows} 行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="92"/>
        <source>Import &amp;as</source>
        <translation>导入为(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="102"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="105"/>
        <source>Next: preview</source>
        <translation>下一步：预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="109"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="112"/>
        <location filename="../../app/ui/list_import.py" line="469"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="143"/>
        <source>On the left are the list&apos;s columns; on the right, choose the spreadsheet header for each (already matched by name; you may change them). Columns marked * are required.</source>
        <translation>左边是清单的列，右边选表格里对应的表头（已按名称自动对应，可以修改）。带 * 的列必须有。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="175"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="178"/>
        <source>(column {n}, no header)</source>
        <translation>（第 {n} 列，无表头）</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="213"/>
        <source>e.g. {value}</source>
        <translation>例：{value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="230"/>
        <source>Choose a header for the required columns: {columns}</source>
        <translation>请为必填列选择对应的表头：{columns}</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="239"/>
        <source>“{a}” and “{b}” have the same header: change one of them.</source>
        <translation>“{a}”和“{b}”选了同一个表头，请改正其中一个。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="315"/>
        <source>The spreadsheet has no data rows: there is nothing to import.</source>
        <translation>表格里没有数据行，无法导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="318"/>
        <source>{rows} rows, {problems} problems found. Correct them in the spreadsheet and import it again; until then the {name} does not change at all.</source>
        <translation>共 {rows} 行，发现 {problems} 处问题。请在表格里改正后重新导入；问题没有改正前，{name}不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="324"/>
        <source>{rows} rows, all checked and fine. Importing replaces the current {name} with them as a whole.</source>
        <translation>共 {rows} 行，全部检查通过。导入后它们整体替换现在的{name}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="335"/>
        <source>Preview of the first {shown} rows</source>
        <translation>前 {shown} 行预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="337"/>
        <source>Preview of all {shown} rows</source>
        <translation>全部 {shown} 行预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="344"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="372"/>
        <source>Earlier versions stay in the version history; triage suggestions follow the new list from now on.</source>
        <translation>旧版本保留在版本记录中；研判建议从现在起按新清单给出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="413"/>
        <source>Importing the list…</source>
        <translation>正在导入清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="428"/>
        <source>The import did not finish and the list is unchanged: {error}</source>
        <translation>导入没有完成，清单没有改动：{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="440"/>
        <source>The spreadsheet has {count} problems; the list is unchanged.</source>
        <translation>表格有 {count} 处问题，清单没有改动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="469"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_import.py" line="476"/>
        <source>Imported version {version} of the {name}, {rows} items</source>
        <translation>已导入{name}第 {version} 版，共 {rows} 项</translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <location filename="../../app/ui/list_table.py" line="85"/>
        <source>No {name} has been imported yet. An administrator can import it from an Excel or CSV spreadsheet with “Import…”.</source>
        <translation>还没有导入{name}。管理员可点“导入…”，从 Excel 或 CSV 表格导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="117"/>
        <source>Versions</source>
        <translation>版本记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="122"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="123"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="124"/>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="125"/>
        <source>Items</source>
        <translation>项数</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="126"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="180"/>
        <source>(no items)</source>
        <translation>（没有条目）</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="189"/>
        <source>Version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="199"/>
        <source>No versions yet: the first import is version 1.</source>
        <translation>还没有版本：第一次导入即为第 1 版。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="229"/>
        <source>Select a row to see all of it here.</source>
        <translation>选中一行，这里显示它的全部内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/list_table.py" line="245"/>
        <source>Item {no} {name}</source>
        <translation>第{no}项 {name}</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../app/ui/lists_page.py" line="68"/>
        <source>Three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="74"/>
        <source>Search the three lists: type two or more characters, e.g. 占道经营</source>
        <translation>搜索三张清单：输入两个以上的字，如 占道经营</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="80"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="83"/>
        <source>Import the list shown from an Excel (.xlsx) or CSV spreadsheet</source>
        <translation>从 Excel（.xlsx）或 CSV 表格导入当前清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="87"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="89"/>
        <source>Export the list shown as an Excel spreadsheet (.xlsx)</source>
        <translation>把当前清单导出为 Excel 表格（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="102"/>
        <source>Administrators import and maintain the lists; here you can read, search and export them.</source>
        <translation>清单由管理员导入和维护；这里可以查看、搜索和导出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="111"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="111"/>
        <source>Code / No.</source>
        <translation>编码 / 序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="111"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="115"/>
        <source>Enter or double-click: go to this row in its list</source>
        <translation>回车或双击：跳到清单中的这一行</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="126"/>
        <source>Overrides</source>
        <translation>改派统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="143"/>
        <source>How often triage did not route as the lists suggest, per matter (most overridden first). A matter that is often overridden suggests the duty boundary list may need correcting; the reasons are those clerks gave when overriding.</source>
        <translation>研判时没有按清单建议分拨的次数，按事项统计（改派最多的在前）。某个事项经常被改派，说明职责边界清单可能需要修正；理由是受理员改派时写下的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="152"/>
        <source>Matter code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="153"/>
        <source>Matter</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="154"/>
        <source>Suggested</source>
        <translation>有建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="155"/>
        <source>Overridden</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="156"/>
        <source>Share</source>
        <translation>改派比例</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="157"/>
        <source>Latest reasons</source>
        <translation>最近的改派理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="162"/>
        <source>No case has been triaged with a suggestion from the lists yet.</source>
        <translation>还没有按清单建议研判过的案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="222"/>
        <source>Type at least two characters.</source>
        <translation>请输入至少两个字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="233"/>
        <source>{count} found: press Enter or double-click to go to the row in its list.</source>
        <translation>找到 {count} 条：回车或双击跳到清单中的这一行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="236"/>
        <source>“{query}” is not in the three lists.</source>
        <translation>三张清单里没有“{query}”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="272"/>
        <source>Choose the list spreadsheet to import</source>
        <translation>选择要导入的清单表格</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="274"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv)</source>
        <translation>表格 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="288"/>
        <source>Reading the spreadsheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="317"/>
        <source>Export list</source>
        <translation>导出清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="319"/>
        <source>Excel spreadsheets (*.xlsx)</source>
        <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="335"/>
        <source>Exported the {name} ({rows} items): {path}</source>
        <translation>已导出{name}（{rows} 项）：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/lists_page.py" line="339"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="80"/>
        <source>TownDesk — {township}</source>
        <translation>乡镇综合执法联动工作台 — {township}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="125"/>
        <source>Call response</source>
        <translation>呼叫响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126"/>
        <source>Supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="127"/>
        <source>Three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>Duty disputes</source>
        <translation>职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>Joint meetings</source>
        <translation>联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="130"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140"/>
        <source>Comprehensive Enforcement Desk</source>
        <translation>综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="237"/>
        <source>{count} cases in total</source>
        <translation>案件总数 {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>A {role} does not register cases.</source>
        <translation>{role}不能登记案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <source>Case {number} registered.</source>
        <translation>已登记案件 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="276"/>
        <source>Case {number}: {status}.</source>
        <translation>案件 {number}：{status}。</translation>
    </message>
</context>
<context>
    <name>MarkDoneDialog</name>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="275"/>
        <source>Decision {meeting}-{position} done</source>
        <translation>第 {meeting} 次联席会议第 {position} 项决议的落实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="281"/>
        <source>Decision {position} of joint meeting no. {meeting}: {text}
Owner unit: {owner} · deadline {deadline}</source>
        <translation>第 {meeting} 次联席会议第 {position} 项决议：{text}
责任单位：{owner} · 完成期限 {deadline}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="292"/>
        <source>How it was carried out, e.g. 已完成联合检查，整改到位（附检查记录）</source>
        <translation>落实情况，如：已完成联合检查，整改到位（附检查记录）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="296"/>
        <source>&amp;Carried out</source>
        <translation>落实情况(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="297"/>
        <source>Mark done</source>
        <translation>标记为已落实</translation>
    </message>
</context>
<context>
    <name>MeetingDetail</name>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="59"/>
        <source>What a meeting would take up today</source>
        <translation>如果今天开会，要研究的事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="65"/>
        <source>Proposed from the data ({count} items). A new meeting starts from this list; “Print agenda…” saves it as a draft to circulate.</source>
        <translation>根据案件数据提出（共 {count} 项）。新建联席会议时以此为议程初稿；点“打印议程…”可保存为征求意见稿。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="71"/>
        <source>Proposed agenda</source>
        <translation>建议议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="81"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="82"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="83"/>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="84"/>
        <source>Attending units</source>
        <translation>参会单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="94"/>
        <source>Agenda ({count} items)</source>
        <translation>议程（{count} 项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="109"/>
        <source>No item on the agenda. Choose “Edit agenda…” to add one.</source>
        <translation>议程还没有议题。点“修改议程…”添加。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="111"/>
        <source>No item on the agenda.</source>
        <translation>议程还没有议题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="133"/>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="136"/>
        <source>Recorded {time}</source>
        <translation>录入时间：{time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="138"/>
        <source>Decisions ({count})</source>
        <translation>决议（{count} 项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="143"/>
        <source>The meeting made no decision to carry out.</source>
        <translation>会议没有形成需要落实的决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="147"/>
        <source>Duty disputes settled</source>
        <translation>裁定的职责争议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="154"/>
        <source>Owner unit: {owner} · deadline {deadline}</source>
        <translation>责任单位：{owner} · 完成期限 {deadline}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="167"/>
        <source>done {day}: {note}</source>
        <translation>{day} 已落实：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="170"/>
        <source>not done, {days} days late</source>
        <translation>未落实，已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="172"/>
        <source>not done yet</source>
        <translation>尚未落实</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="186"/>
        <source>Decision {position}: case {case} ({category}), returned by {unit} as not its duty. Ruled: {lead} leads, {units} cooperate.</source>
        <translation>第 {position} 项决议：案件 {case}（{category}），{unit}以不属于本单位职责回退。裁定：{lead}牵头，{units}配合。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="191"/>
        <source>Decision {position}: case {case} ({category}), returned by {unit} as not its duty. Ruled: {lead} leads.</source>
        <translation>第 {position} 项决议：案件 {case}（{category}），{unit}以不属于本单位职责回退。裁定：{lead}牵头。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="196"/>
        <source>The boundary list entry {name} ({item}) was amended: version {version}.</source>
        <translation>职责边界清单“{name}”（{item}）已修改，生成第 {version} 版。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_detail.py" line="199"/>
        <source>The boundary list was not changed.</source>
        <translation>职责边界清单未修改。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="119"/>
        <source>New joint meeting</source>
        <translation>新建联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="130"/>
        <source>e.g. 镇政府三楼会议室</source>
        <translation>如：镇政府三楼会议室</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="133"/>
        <source>e.g. 分管副镇长 刘建军</source>
        <translation>如：分管副镇长 刘建军</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="141"/>
        <source>&amp;Time</source>
        <translation>会议时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="142"/>
        <source>&amp;Place</source>
        <translation>会议地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="143"/>
        <source>C&amp;hair</source>
        <translation>主持人(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="144"/>
        <source>Attending units</source>
        <translation>参会单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="150"/>
        <source>No member units are set yet: tick the units to invite (“Member units…” on the page sets them for every meeting).</source>
        <translation>还没有设置成员单位：请勾选要通知参会的单位（在页面上点“成员单位…”可设置每次会议的固定成员单位）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="156"/>
        <source>Schedule</source>
        <translation>安排会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="156"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="158"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="166"/>
        <source>Proposed from the data: undecided duty disputes first, then cases supervised again and again, long overdue or across departments. Untick what this meeting will not take up. The disputes on the agenda are sent to this meeting.</source>
        <translation>根据案件数据提出：先列待裁定的职责争议，再列多次督办、长期超期和跨部门的案件。本次会议不研究的，取消勾选即可。列入议程的职责争议将提交本次会议。</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="59"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="59"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="59"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="59"/>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="75"/>
        <source>No. {number}</source>
        <translation>第 {number} 次</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_lists.py" line="78"/>
        <source>{count} items</source>
        <translation>{count} 项</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="71"/>
        <source>Held</source>
        <translation>已召开</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="72"/>
        <source>Minutes to record</source>
        <translation>待录入纪要</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="73"/>
        <source>To be held</source>
        <translation>待召开</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="80"/>
        <source>Joint meeting no. {number}</source>
        <translation>第 {number} 次联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="88"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="89"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="90"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="91"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="92"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="93"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="94"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="97"/>
        <source>{time} ({weekday})</source>
        <translation>{time}（{weekday}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="104"/>
        <source>Joint meetings</source>
        <translation>联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="108"/>
        <source>&amp;New meeting…</source>
        <translation>新建会议(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="111"/>
        <source>Schedule the next joint meeting, with the agenda proposed from the data</source>
        <translation>安排下一次联席会议，议程根据案件数据提出</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="127"/>
        <source>Member &amp;units…</source>
        <translation>成员单位(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="137"/>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="142"/>
        <source>Decisions to carry out</source>
        <translation>待落实的决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="146"/>
        <source>&amp;Mark done…</source>
        <translation>标记已落实(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="148"/>
        <source>The owner unit carried the selected decision out</source>
        <translation>责任单位已落实选中的决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="194"/>
        <source>&amp;Edit agenda…</source>
        <translation>修改议程(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="197"/>
        <source>&amp;Record minutes…</source>
        <translation>录入纪要(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="201"/>
        <source>Print &amp;agenda…</source>
        <translation>打印议程(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="204"/>
        <source>Print m&amp;inutes…</source>
        <translation>打印纪要(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="258"/>
        <source>{count} meetings, {waiting} not yet minuted</source>
        <translation>共 {count} 次会议，{waiting} 次待录入纪要</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="260"/>
        <source>{count} meetings</source>
        <translation>共 {count} 次会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="268"/>
        <source>Member units ({count}): {units}</source>
        <translation>成员单位（{count} 个）：{units}</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="274"/>
        <source>No member units set yet: choose “Member units…” to name them.</source>
        <translation>还没有设置成员单位：点“成员单位…”设置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="277"/>
        <source>No member units set yet.</source>
        <translation>还没有设置成员单位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="283"/>
        <source>No joint meeting yet. Name the member units with “Member units…”, then choose “New meeting…”: the agenda is proposed from undecided duty disputes and from supervised, long-overdue and cross-department cases.</source>
        <translation>还没有召开过联席会议。先点“成员单位…”设置成员单位，再点“新建会议…”：议程根据待裁定的职责争议和多次督办、长期超期、跨部门的案件提出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="289"/>
        <source>No joint meeting yet. The enforcement office or the leader schedules joint meetings; their agendas, minutes and decisions will appear here.</source>
        <translation>还没有召开过联席会议。联席会议由综合执法办或分管领导安排，会议的议程、纪要和决议会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="300"/>
        <source>{count} open, {late} overdue</source>
        <translation>{count} 项待落实，{late} 项已超期</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="305"/>
        <source>No decision waiting to be carried out.</source>
        <translation>没有待落实的决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="307"/>
        <source>The decisions of a meeting&apos;s minutes are tracked here until done.</source>
        <translation>会议纪要中的决议在这里跟踪，直到落实完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="338"/>
        <source>Save the agenda as a PDF to print and hand out</source>
        <translation>把议程保存为 PDF，打印分发</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="340"/>
        <source>Save today&apos;s proposed agenda as a draft PDF</source>
        <translation>把当前的建议议程保存为 PDF 征求意见稿</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="345"/>
        <source>On a field laptop joint meetings are read and printed; they are scheduled and minuted on the office PC.</source>
        <translation>外勤终端上只能查看和打印联席会议；安排会议、录入纪要请在综合执法办电脑上进行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="350"/>
        <source>Joint meetings are scheduled and minuted by the enforcement office (clerk, administrator) or the leader; here you can read and print them.</source>
        <translation>联席会议由综合执法办（受理员、管理员）或分管领导安排并录入纪要；这里可以查看和打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="354"/>
        <source>The minutes can be recorded once the meeting has been held ({time}).</source>
        <translation>会议召开（{time}）后才能录入纪要。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="357"/>
        <source>The meeting time has passed: record its minutes and decisions.</source>
        <translation>会议时间已过：请录入会议纪要和决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="378"/>
        <source>Member units saved: {units}.</source>
        <translation>已保存成员单位：{units}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="399"/>
        <source>Agenda of {meeting} saved: {count} items.</source>
        <translation>已保存{meeting}的议程，共 {count} 项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="426"/>
        <source>Decision {meeting}-{position} marked done.</source>
        <translation>第 {meeting} 次联席会议第 {position} 项决议已标记为落实。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="436"/>
        <source>{meeting} scheduled for {time}, {count} agenda items.</source>
        <translation>已安排{meeting}，时间 {time}，议题 {count} 项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="444"/>
        <source>Minutes of {meeting} recorded: {count} decisions.</source>
        <translation>已录入{meeting}纪要，决议 {count} 项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/meetings_page.py" line="448"/>
        <source>{settled} duty disputes settled.</source>
        <translation>裁定职责争议 {settled} 件。</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="64"/>
        <source>Member units of the joint meeting</source>
        <translation>联席会议成员单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="68"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_dialogs.py" line="74"/>
        <source>The member units are invited to every joint meeting: a new meeting starts with them as its attending units.</source>
        <translation>每次联席会议都通知成员单位参加：新建会议时，参会单位默认为全体成员单位。</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="210"/>
        <source>Minutes · {meeting}</source>
        <translation>会议纪要 · {meeting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="213"/>
        <source>{meeting}, {time}, {place}, chaired by {chair}. The minutes are recorded once and cannot be changed afterwards: read them through before you record them.</source>
        <translation>{meeting}，{time}，{place}，{chair}主持。纪要只能录入一次，录入后不能修改：请核对无误后再录入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="224"/>
        <source>What the meeting discussed and agreed, item by item</source>
        <translation>会议研究和议定的事项，逐项写明</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="230"/>
        <source>&amp;Summary</source>
        <translation>主要内容(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="231"/>
        <source>Attending units</source>
        <translation>参会单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="232"/>
        <source>Decisions</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="236"/>
        <source>No decision yet. Add one for each thing a unit must carry out by a deadline; a meeting may also end without any.</source>
        <translation>还没有决议。需要某个单位在期限内落实的事项，每项添加一条决议；会议也可以不形成决议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="242"/>
        <source>&amp;Add decision</source>
        <translation>添加决议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="261"/>
        <source>Record minutes</source>
        <translation>录入纪要</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="261"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutes_dialog.py" line="281"/>
        <source>{case} {category} (returned by {unit})</source>
        <translation>{case} {category}（{unit}回退）</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="14"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="15"/>
        <source>Closure rates, on-time rates, response times and the monthly bulletin will come in a later issue, once cases can be handled and closed.</source>
        <translation>结案率、按期结案率、响应时长和月度通报将在后续版本中提供（在案件可以处置和结案之后）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="39"/>
        <source>This version brings case intake, the case path, call response, supervision and sync files with field laptops.</source>
        <translation>本版本提供案件受理、案件办理流程、呼叫响应、执法监督，以及与外业终端交换同步包。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="274"/>
        <location filename="../../app/ui/printing.py" line="21"/>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/meeting_parts.py" line="276"/>
        <location filename="../../app/ui/printing.py" line="23"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="153"/>
        <source>Refer to a joint meeting · case {number}</source>
        <translation>提交联席会议 · 案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="157"/>
        <source>Which joint meeting&apos;s agenda should take the duty dispute {unit} raised on case {number} ({category})? Once the meeting&apos;s decisions are recorded, the dispute is ruled on by them.</source>
        <translation>把{unit}对案件 {number}（{category}）的职责争议列入哪次联席会议的议题？会议的决议记录后，争议即按决议裁定。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="171"/>
        <source>Joint &amp;meeting</source>
        <translation>联席会议(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="172"/>
        <source>Refer</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../app/ui/dispute_dialogs.py" line="184"/>
        <source>Joint meeting no. {number} · {time}</source>
        <translation>第 {number} 次联席会议 · {time}</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="28"/>
        <source>Revoke a device</source>
        <translation>注销设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="30"/>
        <source>Revoke {device} ({kind})?</source>
        <translation>确定注销 {device}（{kind}）吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="36"/>
        <source>Do this for a lost, stolen or retired laptop. From now on its sync files are refused, and records it made beyond what the office already holds are never accepted. Revoking cannot be undone: to use the laptop again, enrol it anew.</source>
        <translation>用于丢失、被盗或停用的终端。注销后，它的同步包一律拒收，综合执法办尚未收到的该终端记录也不再接受。注销不能撤销：如要再用这台终端，需重新注册。</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="44"/>
        <source>e.g. laptop lost on 3 March</source>
        <translation>如：3月3日终端丢失</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="46"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="49"/>
        <source>Revoke the device</source>
        <translation>注销设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/revoke_dialog.py" line="65"/>
        <source>Say why the device is revoked.</source>
        <translation>请写明注销原因。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../app/ui/render.py" line="187"/>
        <source>The Chinese translation (towndesk_zh_CN.qm) is missing.</source>
        <translation>缺少中文翻译文件（towndesk_zh_CN.qm）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="193"/>
        <source>No font for Chinese text is installed.</source>
        <translation>系统没有安装中文字体。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="202"/>
        <source>The database is damaged: {result}</source>
        <translation>数据库已损坏：{result}</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="210"/>
        <source>The database has no users.</source>
        <translation>数据库中没有用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="228"/>
        <source>The window could not be built: {error}</source>
        <translation>无法创建主窗口：{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="241"/>
        <source>The window rendered as a blank picture.</source>
        <translation>主窗口显示为空白。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_page.py" line="40"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="48"/>
        <source>The new language applies after TownDesk restarts.</source>
        <translation>新的语言在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="50"/>
        <source>Rebuild data</source>
        <translation>重建数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="55"/>
        <source>Rebuilds every list from the event log. Use it only when the administrator or support asks for it; the event log itself is never changed.</source>
        <translation>根据事件日志重新生成所有列表。仅在管理员或技术支持要求时使用；事件日志本身不会被修改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="59"/>
        <source>Only an administrator can rebuild the data.</source>
        <translation>只有管理员可以重建数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="68"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="70"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="71"/>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="82"/>
        <source>Language saved. It applies after TownDesk restarts.</source>
        <translation>语言设置已保存，重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="92"/>
        <source>Data rebuilt from {count} events.</source>
        <translation>已根据 {count} 条事件重建数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="98"/>
        <source>Rebuild cancelled; nothing was changed.</source>
        <translation>已取消重建，数据没有变化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="103"/>
        <source>Rebuilding data from the event log…</source>
        <translation>正在根据事件日志重建数据…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/signin.py" line="41"/>
        <source>Sign in — TownDesk</source>
        <translation>登录 — 乡镇综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="44"/>
        <source>Comprehensive Enforcement Desk</source>
        <translation>综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="55"/>
        <location filename="../../app/ui/signin.py" line="121"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="66"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="67"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="84"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="126"/>
        <source>Wait {seconds} s</source>
        <translation>请等待 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>StatCard</name>
    <message>
        <location filename="../../app/ui/workbench.py" line="44"/>
        <source>Show these cases</source>
        <translation>查看这些案件</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <location filename="../../app/ui/dialog_parts.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Suggestion</name>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="49"/>
        <source>{lead} leads, {helpers} cooperate</source>
        <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="52"/>
        <source>{lead} leads</source>
        <translation>{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="57"/>
        <source>The lists suggest: {action} · {units}</source>
        <translation>清单建议：{action} · {units}</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="64"/>
        <source>By a duty dispute ruling: an override needs a reason</source>
        <translation>依据职责争议的裁定，改派须说明理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="67"/>
        <source>By the duty boundary list: an override needs a reason</source>
        <translation>依据职责边界清单，改派须说明理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="70"/>
        <source>By the division rule (visibility and specialism in the power &amp; responsibility list): an override needs a reason</source>
        <translation>依据职责分工办法（权责清单的可见性、专业性），改派须说明理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/triage_parts.py" line="75"/>
        <source>Not in the lists: the category&apos;s default route, which may be changed without a reason</source>
        <translation>清单未列明，按问题类别的默认分拨，可直接改派</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/ui/sync_page.py" line="87"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="91"/>
        <source>The office PC and the field laptops exchange sync files (同步包) by USB stick or shared folder. Each file is signed and encrypted: only the device it is for (and the office) can open it.</source>
        <translation>综合执法办电脑与外勤终端用 U 盘或共享文件夹交换同步包。每个同步包都经过签名和加密，只有收件设备（和综合执法办）能打开。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="176"/>
        <source>Devices of the township</source>
        <translation>本镇设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="117"/>
        <source>Sync files written and read here</source>
        <translation>本机同步记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="119"/>
        <source>No sync file has been written or read here yet.</source>
        <translation>本机还没有导出或导入过同步包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="160"/>
        <source>Enrol a field laptop…</source>
        <translation>注册外业终端…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="163"/>
        <source>Write an enrolment file that makes a new laptop a device of the township</source>
        <translation>写出注册文件，把一台新终端加入本镇设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="166"/>
        <source>Revoke…</source>
        <translation>注销设备…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="169"/>
        <source>Stop trusting the selected device (a lost or retired laptop)</source>
        <translation>不再信任所选设备（丢失或停用的终端）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="185"/>
        <source>Export to</source>
        <translation>导出给</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="191"/>
        <source>Full export (a new or reinstalled laptop)</source>
        <translation>完整导出（新终端或重装后）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="194"/>
        <source>Sends every record, not only what the peer has not confirmed yet. Use it when a laptop starts afresh.</source>
        <translation>发送全部记录，而不只是对方尚未确认收到的记录。用于新启用或重装的终端。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="198"/>
        <source>Export…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="200"/>
        <source>Write a sync file for the chosen device</source>
        <translation>为所选设备写入同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="202"/>
        <source>Import…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="204"/>
        <source>Check a sync file, see what it brings, import it</source>
        <translation>检查同步包，看清内容后导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="231"/>
        <source>Cases with a sync conflict to settle ({count}): double-click to open</source>
        <translation>待处理的同步冲突（{count} 件，双击打开案件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="252"/>
        <source>This device: code {code} · {kind}</source>
        <translation>本机 · 设备编码 {code} · {kind}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="254"/>
        <source>This device: {name} · code {code} · {kind}</source>
        <translation>本机：{name} · 设备编码 {code} · {kind}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="259"/>
        <source>Device keys unlocked · fingerprint {fingerprint}</source>
        <translation>设备密钥已解锁 · 密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="265"/>
        <source>Device keys not set up yet: set the device key password before the first export or import.</source>
        <translation>尚未设置设备密钥：首次导出或导入前，请先设置设备密钥口令。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="268"/>
        <source>Set up device keys…</source>
        <translation>设置设备密钥…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="272"/>
        <source>Device keys locked: the device key password is asked for at the first export or import.</source>
        <translation>设备密钥未解锁：首次导出或导入时需输入设备密钥口令。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="275"/>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="286"/>
        <source>No other device is enrolled yet</source>
        <translation>尚未注册其他设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="314"/>
        <source>The office enrols field laptops; each one then appears here to export to.</source>
        <translation>外勤终端由综合执法办注册，注册后出现在这里供选择。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="319"/>
        <source>{n} records wait to be exported to {peer}.</source>
        <translation>{n} 条记录待导出给 {peer}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="322"/>
        <source>Everything is exported to {peer}; {m} records wait for it to confirm receipt (with its next sync file).</source>
        <translation>已全部导出给 {peer}，{m} 条待对方确认收到（对方下次回传同步包时确认）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="326"/>
        <source>{peer} has every record of this device.</source>
        <translation>{peer} 已有本机的全部记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="382"/>
        <source>{name} enrolled: {path}</source>
        <translation>已注册 {name}：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="399"/>
        <source>{name} revoked: its sync files are refused from now on.</source>
        <translation>已注销 {name}：今后拒收它的同步包。</translation>
    </message>
</context>
<context>
    <name>SyncTransfer</name>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="94"/>
        <source>Sync files ({pattern})</source>
        <translation>同步包 ({pattern})</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="98"/>
        <source>SyncFile-{code}-{moment}.tdsync</source>
        <translation>同步包-{code}-{moment}.tdsync</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="109"/>
        <source>Export a sync file for {peer}</source>
        <translation>导出给 {peer} 的同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="123"/>
        <source>Writing the sync file…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="129"/>
        <source>Sync file for {peer} written: {events} records ({cases} new cases), {evidence} evidence files, {size}.

{path}

Hand the file to {peer}; it is imported on the sync page there.</source>
        <translation>已写入给 {peer} 的同步包：{events} 条记录（新案件 {cases} 件），证据文件 {evidence} 个，共 {size}。

{path}

请把文件交给 {peer}，在对方的“同步”页导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="135"/>
        <source>Sync file for {peer} written. It holds no new records; it still tells {peer} what this device has received.

{path}</source>
        <translation>已写入给 {peer} 的同步包。其中没有新记录，但会告诉 {peer} 本机已收到哪些内容。

{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="146"/>
        <source>Sync file written: {path}</source>
        <translation>同步包已写入：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="147"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="158"/>
        <source>Import a sync file</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="171"/>
        <source>Checking the sync file…</source>
        <translation>正在检查同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="193"/>
        <source>Importing the sync file…</source>
        <translation>正在导入同步包…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="199"/>
        <source>Sync file imported.</source>
        <translation>同步包已导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="200"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_transfer.py" line="246"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../app/ui/sync_words.py" line="12"/>
        <source>Office PC</source>
        <translation>综合执法办电脑</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="14"/>
        <source>Grid worker laptop</source>
        <translation>网格员外勤终端</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="16"/>
        <source>Department laptop</source>
        <translation>部门外勤终端</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="23"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="24"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="33"/>
        <source>first sync, at enrolment</source>
        <translation>注册时首次同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="35"/>
        <source>full export</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="38"/>
        <source>{n} new conflicts</source>
        <translation>新冲突 {n} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="44"/>
        <source>{n} quarantined</source>
        <translation>隔离 {n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="48"/>
        <source>{n} held back</source>
        <translation>暂缓 {n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="52"/>
        <source>{n} already here</source>
        <translation>已有 {n} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_words.py" line="54"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="94"/>
        <source>Set the device key password</source>
        <translation>设置设备密钥口令</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="94"/>
        <source>Device key password</source>
        <translation>设备密钥口令</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="98"/>
        <source>This office PC has no device keys yet. Choose the device key password now (at least {limit} characters). It is asked for before importing or exporting sync files. Keep it safe: without it this PC cannot open sync files.</source>
        <translation>本机是综合执法办电脑，还没有设备密钥。请现在设置设备密钥口令（至少 {limit} 位），以后导入、导出同步包前需要输入。请妥善保管：忘记口令，本机将无法打开同步包。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="104"/>
        <source>Sync files are signed and encrypted with this device&apos;s keys. Enter the device key password; it is asked for once per sign-in.</source>
        <translation>同步包用本机的设备密钥签名和加密。请输入设备密钥口令；每次登录只需输入一次。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="118"/>
        <source>Password</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="120"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="123"/>
        <source>Set password</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="123"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="125"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="144"/>
        <source>Opening the keys…</source>
        <translation>正在打开密钥…</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="159"/>
        <source>Enter the device key password.</source>
        <translation>请输入设备密钥口令。</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock_dialog.py" line="162"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../app/ui/workbench.py" line="79"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="83"/>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="85"/>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="88"/>
        <source>Registered today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="89"/>
        <source>Registered this week</source>
        <translation>本周受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="90"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="91"/>
        <source>Urgent, pending triage</source>
        <translation>紧急待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="111"/>
        <source>Keyboard: Ctrl+N register a case · Ctrl+F search cases · Ctrl+1 … Ctrl+9 switch pages · Enter opens the selected case</source>
        <translation>快捷键：Ctrl+N 登记案件 · Ctrl+F 搜索案件 · Ctrl+1 … Ctrl+9 切换页面 · 回车打开选中的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="117"/>
        <source>Latest cases</source>
        <translation>最新受理的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="137"/>
        <location filename="../../app/ui/workbench.py" line="154"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="138"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="139"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="140"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="141"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="142"/>
        <location filename="../../app/ui/workbench.py" line="157"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="155"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="156"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="183"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="186"/>
        <source>Waiting on me ({count})</source>
        <translation>待我办理（{count} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="188"/>
        <source>Nothing waits on me now</source>
        <translation>眼下没有待我办理的案件</translation>
    </message>
</context>
</TS>

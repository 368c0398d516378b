<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="81"/>
        <source>{action} · case {number}</source>
        <translation>{action} · 案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="141"/>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="142"/>
        <source>Cooperating units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="152"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="154"/>
        <source>What the department is called for</source>
        <translation>需要该部门做什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="155"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="156"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="158"/>
        <location filename="../../app/ui/action_dialog.py" line="164"/>
        <location filename="../../app/ui/action_dialog.py" line="170"/>
        <location filename="../../app/ui/action_dialog.py" line="173"/>
        <location filename="../../app/ui/action_dialog.py" line="185"/>
        <location filename="../../app/ui/action_dialog.py" line="195"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="161"/>
        <source>e.g. 蓬山区市场监督管理局</source>
        <translation>如：蓬山区市场监督管理局</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="163"/>
        <source>Transfer to</source>
        <translation>移送至</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="167"/>
        <source>e.g. 涉嫌非法经营罪</source>
        <translation>如：涉嫌非法经营罪</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="169"/>
        <source>Suspected offence</source>
        <translation>涉嫌罪名</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="176"/>
        <source>Number of the case it duplicates</source>
        <translation>与之重复的案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="177"/>
        <source>Merge into case</source>
        <translation>合并到案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="182"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="184"/>
        <source>Extend by</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="193"/>
        <source>e.g. seasonal work, waiting for the spring</source>
        <translation>如：季节性施工，需等到开春</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="194"/>
        <source>Parked until</source>
        <translation>挂账至</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="198"/>
        <source>Fixed</source>
        <translation>已整改到位</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="199"/>
        <source>Not fixed: back to the handler</source>
        <translation>未整改到位，退回处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="207"/>
        <source>On-site check</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="209"/>
        <source>What was done</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="209"/>
        <source>What you saw</source>
        <translation>现场所见</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="211"/>
        <location filename="../../app/ui/action_dialog.py" line="237"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="212"/>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="214"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="219"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="221"/>
        <source>What must be done, by when</source>
        <translation>督办要求及完成时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="222"/>
        <source>Supervision note</source>
        <translation>督办意见</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="225"/>
        <source>{action} case {number}?</source>
        <translation>确定对案件 {number} {action}吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="235"/>
        <source>Optional: who phoned it in, what they said</source>
        <translation>选填：谁来电告知、说了什么</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="252"/>
        <source>no duty phone on file</source>
        <translation>未登记值班电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="257"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="259"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/action_dialog.py" line="266"/>
        <source>{count} photos: {names}</source>
        <translation>{count} 张照片：{names}</translation>
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
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../app/ui/case_detail.py" line="91"/>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="72"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="103"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="112"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="115"/>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="119"/>
        <source>Photos: {count}</source>
        <translation>照片 {count} 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="163"/>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="200"/>
        <source>Print call slip</source>
        <translation>打印呼叫单</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="202"/>
        <source>Print supervision notice</source>
        <translation>打印督办单</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="212"/>
        <source>This case is finished; nothing more to do.</source>
        <translation>案件已办结，无需再操作。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="213"/>
        <source>Nothing for you to do on this case now.</source>
        <translation>此案件目前没有需要您办理的事项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="242"/>
        <source>First receiver: {unit} · {person} · received {time}</source>
        <translation>首接单位：{unit} · 受理人 {person} · 受理时间 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="261"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="262"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="263"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="264"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="265"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="266"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="267"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="268"/>
        <source>Last change</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="297"/>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="298"/>
        <source>Confidential ({phone})</source>
        <translation>保密（{phone}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="351"/>
        <source>{file} · {size} KB · SHA-256 {hash}</source>
        <translation>{file} · {size} KB · SHA-256 {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="359"/>
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
    <name>CaseStep</name>
    <message>
        <location filename="../../app/ui/case_path.py" line="184"/>
        <source>{count} photos</source>
        <translation>照片 {count} 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="191"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="200"/>
        <source>{lead} handles it itself</source>
        <translation>由{lead}自行处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="205"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="209"/>
        <source>{lead} leads, {helpers} cooperate</source>
        <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="212"/>
        <source>{lead} leads</source>
        <translation>{lead}牵头</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="216"/>
        <source>{unit} (urgent): {reason}</source>
        <translation>{unit}（紧急）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="220"/>
        <source>{unit}: {reason}</source>
        <translation>{unit}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="226"/>
        <source>duty phone {phone}</source>
        <translation>值班电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="231"/>
        <source>To {authority}: {reason}</source>
        <translation>移送至{authority}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="235"/>
        <source>Suspected offence: {offence}; {reason}</source>
        <translation>涉嫌：{offence}；{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="239"/>
        <source>Merged into case {number}</source>
        <translation>合并到案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="243"/>
        <source>{unit} signed for it</source>
        <translation>{unit}已签收</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="247"/>
        <source>{days} working days: {reason}</source>
        <translation>{days} 个工作日：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="251"/>
        <source>{days} more working days</source>
        <translation>延长 {days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="255"/>
        <source>Until {date}: {reason}</source>
        <translation>挂账至 {date}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="259"/>
        <source>Parked until {date}; the clock stops</source>
        <translation>挂账至 {date}，暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="263"/>
        <source>The clock runs again</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="266"/>
        <source>Fixed: verified on site</source>
        <translation>现场核查：已整改到位</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="268"/>
        <source>Not fixed: back to the handler</source>
        <translation>现场核查：未整改到位，退回处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="274"/>
        <source>Supervision notice: {note}</source>
        <translation>督办意见：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="278"/>
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
        <location filename="../../app/ui/case_path.py" line="53"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="73"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="75"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="77"/>
        <source>under a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="61"/>
        <source>1 working day</source>
        <translation>1 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="63"/>
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="86"/>
        <source>parked: the clock is stopped</source>
        <translation>已挂账，暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="88"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="94"/>
        <location filename="../../app/ui/case_path.py" line="97"/>
        <source>{span} overdue</source>
        <translation>已超期 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="100"/>
        <location filename="../../app/ui/case_path.py" line="140"/>
        <source>{span} left</source>
        <translation>还剩 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="131"/>
        <source>took {span} (late)</source>
        <translation>用时 {span}（超时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="134"/>
        <source>took {span}</source>
        <translation>用时 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="139"/>
        <source>{span} late</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="145"/>
        <source>Sign-for deadline</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="146"/>
        <source>Handling deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="147"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_path.py" line="148"/>
        <source>Arrival</source>
        <translation>到场</translation>
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
    <name>Enum</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="34"/>
        <source>Enforcement office</source>
        <translation>综合执法办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="35"/>
        <source>Stationed department</source>
        <translation>派驻机构</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="36"/>
        <source>District department</source>
        <translation>区直部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="37"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="38"/>
        <source>Clerk</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="39"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="40"/>
        <source>Department officer</source>
        <translation>部门人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="41"/>
        <source>Supervisor</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="42"/>
        <source>Leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="43"/>
        <source>Patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="44"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="45"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="46"/>
        <source>Referral</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="47"/>
        <source>Transfer-in</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="48"/>
        <source>Joint patrol</source>
        <translation>联合巡察</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="49"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="50"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="51"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="52"/>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="53"/>
        <source>Being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="54"/>
        <source>Parked</source>
        <translation>挂账中</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="55"/>
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="56"/>
        <source>Awaiting closure</source>
        <translation>待结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="57"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="58"/>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="59"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="60"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="65"/>
        <source>Handled by the township</source>
        <translation>镇街自行处置</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="66"/>
        <source>Dispatched to a stationed department</source>
        <translation>派遣派驻机构</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="67"/>
        <source>District department called</source>
        <translation>呼叫区直部门</translation>
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
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/ui/thumbnails.py" line="39"/>
        <source>This photo cannot be shown: {file}</source>
        <translation>无法显示这张照片：{file}</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="73"/>
        <source>TownDesk — {township}</source>
        <translation>乡镇综合执法联动工作台 — {township}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="108"/>
        <source>Call response</source>
        <translation>呼叫响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="109"/>
        <source>Supervision</source>
        <translation>执法监督</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="119"/>
        <source>Comprehensive Enforcement Desk</source>
        <translation>综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="146"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>{count} cases in total</source>
        <translation>案件总数 {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>A {role} does not register cases.</source>
        <translation>{role}不能登记案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="218"/>
        <source>Case {number} registered.</source>
        <translation>已登记案件 {number}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234"/>
        <source>Case {number}: {status}.</source>
        <translation>案件 {number}：{status}。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="14"/>
        <source>Three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="15"/>
        <source>The power &amp; responsibility list, the duty task list and the duty boundary list, imported from the township&apos;s spreadsheets, will come in a later issue.</source>
        <translation>权责清单、职责任务清单和职责边界清单将在后续版本中提供，可直接导入乡镇现有的表格。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="22"/>
        <source>Joint meetings</source>
        <translation>联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="23"/>
        <source>Agendas of disputed and overdue cases, minutes and decisions with owners and deadlines will come in a later issue.</source>
        <translation>联席会议将在后续版本中提供：汇总争议和超期案件作为议题，记录会议纪要和决议（含责任单位和期限）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="30"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="31"/>
        <source>Closure rates, on-time rates, response times and the monthly bulletin will come in a later issue, once cases can be handled and closed.</source>
        <translation>结案率、按期结案率、响应时长和月度通报将在后续版本中提供（在案件可以处置和结案之后）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="38"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="39"/>
        <source>Exchanging sync files with field laptops by USB stick or file share will come in a later issue.</source>
        <translation>通过U盘或共享文件夹与外勤笔记本交换同步包，将在后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="63"/>
        <source>This version brings case intake, the case path, call response and supervision.</source>
        <translation>本版本提供案件受理、案件办理流程、呼叫响应和执法监督。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../app/ui/printing.py" line="21"/>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing.py" line="23"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../app/ui/render.py" line="150"/>
        <source>The Chinese translation (towndesk_zh_CN.qm) is missing.</source>
        <translation>缺少中文翻译文件（towndesk_zh_CN.qm）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="156"/>
        <source>No font for Chinese text is installed.</source>
        <translation>系统没有安装中文字体。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="165"/>
        <source>The database is damaged: {result}</source>
        <translation>数据库已损坏：{result}</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="173"/>
        <source>The database has no users.</source>
        <translation>数据库中没有用户。</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="191"/>
        <source>The window could not be built: {error}</source>
        <translation>无法创建主窗口：{error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/render.py" line="204"/>
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
        <location filename="../../app/ui/workbench.py" line="43"/>
        <source>Show these cases</source>
        <translation>查看这些案件</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../app/ui/workbench.py" line="77"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="81"/>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="83"/>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="86"/>
        <source>Registered today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="87"/>
        <source>Registered this week</source>
        <translation>本周受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="88"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="89"/>
        <source>Urgent, pending triage</source>
        <translation>紧急待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="107"/>
        <source>Keyboard: Ctrl+N register a case · Ctrl+F search cases · Ctrl+1 … Ctrl+9 switch pages · Enter opens the selected case</source>
        <translation>快捷键：Ctrl+N 登记案件 · Ctrl+F 搜索案件 · Ctrl+1 … Ctrl+9 切换页面 · 回车打开选中的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="113"/>
        <source>Latest cases</source>
        <translation>最新受理的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="132"/>
        <location filename="../../app/ui/workbench.py" line="149"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="133"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="134"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="135"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="136"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="137"/>
        <location filename="../../app/ui/workbench.py" line="152"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="150"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="151"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="177"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="180"/>
        <source>Waiting on me ({count})</source>
        <translation>待我办理（{count} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="182"/>
        <source>Nothing waits on me now</source>
        <translation>眼下没有待我办理的案件</translation>
    </message>
</context>
</TS>

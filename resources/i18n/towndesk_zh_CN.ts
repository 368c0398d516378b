<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../app/ui/case_detail.py" line="49"/>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="64"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="73"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="77"/>
        <source>Photos: {count}</source>
        <translation>照片 {count} 张</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="109"/>
        <source>First receiver: {unit} · {person} · received {time}</source>
        <translation>首接单位：{unit} · 受理人 {person} · 受理时间 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="128"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="129"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="130"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="131"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="132"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="133"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="134"/>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="135"/>
        <source>Last change</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="164"/>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="165"/>
        <source>Confidential ({phone})</source>
        <translation>保密（{phone}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="215"/>
        <source>{file} · {size} KB · SHA-256 {hash}</source>
        <translation>{file} · {size} KB · SHA-256 {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_detail.py" line="223"/>
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
        <location filename="../../app/ui/i18n.py" line="33"/>
        <source>Enforcement office</source>
        <translation>综合执法办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="34"/>
        <source>Stationed department</source>
        <translation>派驻机构</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="35"/>
        <source>District department</source>
        <translation>区直部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="36"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="37"/>
        <source>Clerk</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="38"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="39"/>
        <source>Department officer</source>
        <translation>部门人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="40"/>
        <source>Supervisor</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="41"/>
        <source>Leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="42"/>
        <source>Patrol</source>
        <translation>巡查发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="43"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="44"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="45"/>
        <source>Referral</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="46"/>
        <source>Transfer-in</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="47"/>
        <source>Joint patrol</source>
        <translation>联合巡察</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="48"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="49"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="50"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
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
        <location filename="../../app/ui/main_window.py" line="57"/>
        <source>TownDesk — {township}</source>
        <translation>乡镇综合执法联动工作台 — {township}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="87"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="88"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97"/>
        <source>Comprehensive Enforcement Desk</source>
        <translation>综合执法联动工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168"/>
        <source>{count} cases in total</source>
        <translation>案件总数 {count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>A {role} does not register cases.</source>
        <translation>{role}不能登记案件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <source>Case {number} registered.</source>
        <translation>已登记案件 {number}。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="14"/>
        <source>Call response</source>
        <translation>呼叫响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="15"/>
        <source>Calling district departments (Y) and recording when they respond, arrive and finish will come with the call-response desk in a later issue.</source>
        <translation>呼叫响应台将在后续版本中提供：向区直部门发出呼叫，并记录响应、到场和办结时间。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="22"/>
        <source>Three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="23"/>
        <source>The power &amp; responsibility list, the duty task list and the duty boundary list, imported from the township&apos;s spreadsheets, will come in a later issue.</source>
        <translation>权责清单、职责任务清单和职责边界清单将在后续版本中提供，可直接导入乡镇现有的表格。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="30"/>
        <source>Joint meetings</source>
        <translation>联席会议</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="31"/>
        <source>Agendas of disputed and overdue cases, minutes and decisions with owners and deadlines will come in a later issue.</source>
        <translation>联席会议将在后续版本中提供：汇总争议和超期案件作为议题，记录会议纪要和决议（含责任单位和期限）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="38"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="39"/>
        <source>Closure rates, on-time rates, response times and the monthly bulletin will come in a later issue, once cases can be handled and closed.</source>
        <translation>结案率、按期结案率、响应时长和月度通报将在后续版本中提供（在案件可以处置和结案之后）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="46"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="47"/>
        <source>Exchanging sync files with field laptops by USB stick or file share will come in a later issue.</source>
        <translation>通过U盘或共享文件夹与外勤笔记本交换同步包，将在后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../app/ui/placeholder_page.py" line="70"/>
        <source>This version brings case intake, the cases list and case detail.</source>
        <translation>当前版本提供案件受理、案件列表和案件详情。</translation>
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
        <location filename="../../app/ui/workbench.py" line="40"/>
        <source>Show these cases</source>
        <translation>查看这些案件</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../app/ui/workbench.py" line="73"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="77"/>
        <source>Register case</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="79"/>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="82"/>
        <source>Registered today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="83"/>
        <source>Registered this week</source>
        <translation>本周受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="84"/>
        <source>Pending triage</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="85"/>
        <source>Urgent, pending triage</source>
        <translation>紧急待研判</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="102"/>
        <source>Keyboard: Ctrl+N register a case · Ctrl+F search cases · Ctrl+1 … Ctrl+8 switch pages · Enter opens the selected case</source>
        <translation>快捷键：Ctrl+N 登记案件 · Ctrl+F 搜索案件 · Ctrl+1 … Ctrl+8 切换页面 · 回车打开选中的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="108"/>
        <source>Latest cases</source>
        <translation>最新受理的案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="129"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="130"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="131"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="132"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="133"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/workbench.py" line="134"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
</context>
</TS>

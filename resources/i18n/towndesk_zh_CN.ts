<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ActiveDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>AdminPage</name>
    <message>
      <source>The administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>The administrator sets up departments, grids, users, the three lists and field laptops. Choose the password for the user name admin.</source>
      <translation>管理员负责设置部门、网格、用户、三张清单和外业终端。请为用户名 admin 设定密码。</translation>
    </message>
    <message>
      <source>At least {limit} characters. Keep it somewhere safe: without it nobody can add users or reset their passwords.</source>
      <translation>至少 {limit} 位。请妥善保管：没有它，就无法添加用户或重置他们的密码。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再输一遍</translation>
    </message>
    <message>
      <source>The two passwords differ. Type it again.</source>
      <translation>两次输入的密码不一致，请再输入一遍。</translation>
    </message>
  </context>
  <context>
    <name>AgendaDialog</name>
    <message>
      <source>Agenda · {meeting}</source>
      <translation>议程 · {meeting}</translation>
    </message>
    <message>
      <source>Save agenda</source>
      <translation>保存议程</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>{meeting}, {time}, {place}. Untick an item to take it off the agenda; tick a newly proposed one (in italics) to add it.</source>
      <translation>{meeting}，{time}，{place}。取消勾选即从议程中去掉该议题；勾选新提出的议题（斜体）即列入议程。</translation>
    </message>
  </context>
  <context>
    <name>AgendaEditor</name>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Agenda item</source>
      <translation>议题</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>情况</translation>
    </message>
    <message>
      <source>An item of your own, e.g. 通报上次会议决议的落实情况</source>
      <translation>自拟议题，如：通报上次会议决议的落实情况</translation>
    </message>
    <message>
      <source>&amp;Add item</source>
      <translation>添加议题(&amp;A)</translation>
    </message>
    <message>
      <source>{kind} · new</source>
      <translation>{kind} · 新提出</translation>
    </message>
    <message>
      <source>Proposed since the agenda was last saved</source>
      <translation>上次保存议程以后新提出的议题</translation>
    </message>
    <message>
      <source>Nothing to propose from the data today: no undecided duty dispute and no supervised, long-overdue or cross-department case. Add an item of your own.</source>
      <translation>目前没有需要提请会议研究的事项：没有待裁定的职责争议，也没有多次督办、长期超期或跨部门的案件。可以自拟议题。</translation>
    </message>
    <message>
      <source>{chosen} of {total} items on the agenda</source>
      <translation>共 {total} 项，已列入议程 {chosen} 项</translation>
    </message>
  </context>
  <context>
    <name>AnswerForm</name>
    <message>
      <source>Transfer letter</source>
      <translation>移送函</translation>
    </message>
  </context>
  <context>
    <name>BackgroundRunner</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>请稍候</translation>
    </message>
    <message>
      <source>TownDesk</source>
      <translation>乡镇综合执法联动工作台</translation>
    </message>
    <message>
      <source>Something went wrong and the operation did not finish. Your data is unchanged. Please send the details below to the administrator.</source>
      <translation>操作出错，未能完成。数据没有变化。请把下面的详细信息发给管理员。</translation>
    </message>
  </context>
  <context>
    <name>BaseDataPage</name>
    <message>
      <source>Only an administrator changes base data.</source>
      <translation>只有管理员可以修改基础数据。</translation>
    </message>
    <message>
      <source>Only an administrator changes base data; here you can read and export it.</source>
      <translation>只有管理员可以修改基础数据；这里可以查看和导出。</translation>
    </message>
    <message>
      <source>Base data is changed on the office PC, not on a field laptop.</source>
      <translation>基础数据在办公室电脑上修改，外勤笔记本上不能修改。</translation>
    </message>
    <message>
      <source>Base data is changed on the office PC; here you can read and export it.</source>
      <translation>基础数据在办公室电脑上修改；这里可以查看和导出。</translation>
    </message>
    <message>
      <source>Base data</source>
      <translation>基础数据</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Problem categories</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Show deactivated</source>
      <translation>显示已停用</translation>
    </message>
    <message>
      <source>Deactivated records are kept, greyed; nothing is ever deleted.</source>
      <translation>停用的记录仍然保留，以灰色显示；任何记录都不会被删除。</translation>
    </message>
    <message>
      <source>Edit profile…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Issuing authority</source>
      <translation>执法主体</translation>
    </message>
    <message>
      <source>Office address</source>
      <translation>办公地址</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>{name} (case numbers begin {code})</source>
      <translation>{name}（案件编号以 {code} 开头）</translation>
    </message>
    <message>
      <source>Not set yet: documents name the township's people's government.</source>
      <translation>尚未设置：文书以本镇人民政府的名义制发。</translation>
    </message>
    <message>
      <source>Not set</source>
      <translation>未填写</translation>
    </message>
    <message>
      <source>Township profile saved.</source>
      <translation>乡镇信息已保存。</translation>
    </message>
  </context>
  <context>
    <name>BaseDataWords</name>
    <message>
      <source>In use</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Deactivated</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>{ack} min to respond · {arrive} min on scene · {days} working days</source>
      <translation>{ack} 分钟响应 · {arrive} 分钟到场 · {days} 个工作日办结</translation>
    </message>
    <message>
      <source>{count} hours</source>
      <translation>{count} 小时</translation>
    </message>
    <message>
      <source>{count} working days</source>
      <translation>{count} 个工作日</translation>
    </message>
    <message>
      <source>Default ({count} working days)</source>
      <translation>默认（{count} 个工作日）</translation>
    </message>
    <message>
      <source>Default ({count} working day)</source>
      <translation>默认（{count} 个工作日）</translation>
    </message>
    <message>
      <source>The same working day</source>
      <translation>当个工作日</translation>
    </message>
  </context>
  <context>
    <name>BoardPage</name>
    <message>
      <source>Overdue watch</source>
      <translation>督查督办</translation>
    </message>
    <message>
      <source>Supervise</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Send a supervision notice (督办单) for the selected case</source>
      <translation>对选中的案件发出督办单</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>打开案件</translation>
    </message>
    <message>
      <source>No case is overdue. Well done.</source>
      <translation>没有超期案件。</translation>
    </message>
    <message>
      <source>Lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>时限</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期时间</translation>
    </message>
    <message>
      <source>Overdue by</source>
      <translation>超期时长</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>{unit} ({count})</source>
      <translation>{unit}（{count}）</translation>
    </message>
    <message>
      <source>{span} overdue</source>
      <translation>已超期 {span}</translation>
    </message>
    <message>
      <source>No lead unit</source>
      <translation>无牵头单位</translation>
    </message>
    <message>
      <source> (the longest {limit} and each unit's longest {each} shown)</source>
      <translation>（仅显示超期最久的 {limit} 件及各单位超期最久的 {each} 件）</translation>
    </message>
    <message>
      <source>{count} overdue</source>
      <translation>超期 {count} 件</translation>
    </message>
    <message>
      <source>{count}+ overdue</source>
      <translation>超期 {count} 件以上</translation>
    </message>
    <message>
      <source>, {count} due soon</source>
      <translation>，即将到期 {count} 件</translation>
    </message>
    <message>
      <source>Select a case to open it or to supervise it.</source>
      <translation>选中一件案件，可打开查看或督办。</translation>
    </message>
    <message>
      <source>Supervision notices are sent by the leader or the supervisor.</source>
      <translation>督办单由分管领导或督查人员发出。</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Supervised</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Due soon ({count})</source>
      <translation>即将到期（{count}）</translation>
    </message>
    <message>
      <source>{clock} (+{more})</source>
      <translation>{clock}（另 {more} 项）</translation>
    </message>
    <message>
      <source>Supervised {count}×</source>
      <translation>督办过 {count} 次</translation>
    </message>
    <message>
      <source>{count} clocks of this unit</source>
      <translation>本单位有 {count} 项时限超期或临期</translation>
    </message>
    <message>
      <source>{span} left</source>
      <translation>还剩 {span}</translation>
    </message>
  </context>
  <context>
    <name>CalendarBanner</name>
    <message>
      <source>Enter the schedule…</source>
      <translation>录入放假安排…</translation>
    </message>
    <message>
      <source>Enter it from the State Council's notice.</source>
      <translation>请按国务院办公厅的通知录入。</translation>
    </message>
    <message>
      <source>Ask the administrator to enter it.</source>
      <translation>请管理员录入。</translation>
    </message>
    <message>
      <source>The statutory holidays of {year} are not entered yet (missing: {missing}): deadlines in {year} are counted Monday to Friday meanwhile. {ask}</source>
      <translation>{year} 年的法定节假日尚未录入完整（缺{missing}）：在此之前，{year} 年的期限暂按周一至周五计算工作日。{ask}</translation>
    </message>
  </context>
  <context>
    <name>CallForm</name>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>What the department is called for</source>
      <translation>需要该部门做什么</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>no duty phone on file</source>
      <translation>未登记值班电话</translation>
    </message>
    <message>
      <source>Cooperating units</source>
      <translation>配合单位</translation>
    </message>
  </context>
  <context>
    <name>CallStepForm</name>
    <message>
      <source>Optional: who phoned it in, what they said</source>
      <translation>选填：谁来电告知、说了什么</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>CallTableModel</name>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Called at</source>
      <translation>呼叫时间</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>进度</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>响应</translation>
    </message>
    <message>
      <source>Arrival</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Due {time}</source>
      <translation>时限 {time}</translation>
    </message>
    <message>
      <source>Done {time}</source>
      <translation>完成 {time}</translation>
    </message>
    <message>
      <source>{status}, to confirm</source>
      <translation>{status}，待确认</translation>
    </message>
  </context>
  <context>
    <name>CallsPage</name>
    <message>
      <source>Call response</source>
      <translation>呼叫响应</translation>
    </message>
    <message>
      <source>Only calls not yet closed</source>
      <translation>只看未办结</translation>
    </message>
    <message>
      <source>Response and arrival run on the clock, nights and holidays included. A call is closed only when the office confirms it (事不完人不撤). Double-click a call to open its case and record the next step.</source>
      <translation>响应和到场按自然时间计时，夜间和节假日照常计算。呼叫须由综合执法办确认后才算办结（事不完人不撤）。双击一条呼叫可打开案件，登记下一步。</translation>
    </message>
    <message>
      <source>No open calls.</source>
      <translation>没有未办结的呼叫。</translation>
    </message>
    <message>
      <source>{count} open calls</source>
      <translation>未办结 {count} 条</translation>
    </message>
    <message>
      <source>{count} calls</source>
      <translation>共 {count} 条</translation>
    </message>
    <message>
      <source>No calls yet.</source>
      <translation>还没有呼叫。</translation>
    </message>
  </context>
  <context>
    <name>CaseConflict</name>
    <message>
      <source>Not in effect (conflict)</source>
      <translation>未生效（冲突）</translation>
    </message>
    <message>
      <source>Concurrent change</source>
      <translation>并行修改</translation>
    </message>
    <message>
      <source>Another device changed the case first; this step was kept in the record but did not take effect.</source>
      <translation>另一台设备先处理了本案；此步骤保留在记录中，但未生效。</translation>
    </message>
    <message>
      <source>This step took effect, but it was taken without knowing the step before it on another device.</source>
      <translation>此步骤已生效，但办理时并不知道另一台设备上的前一步处理。</translation>
    </message>
    <message>
      <source>settled</source>
      <translation>已处理</translation>
    </message>
  </context>
  <context>
    <name>CaseDetailDialog</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Case {number}</source>
      <translation>案件 {number}</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>办理过程</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>办理情况</translation>
    </message>
    <message>
      <source>Next step:</source>
      <translation>下一步：</translation>
    </message>
    <message>
      <source>The lists suggest: {reason}</source>
      <translation>清单建议：{reason}</translation>
    </message>
    <message>
      <source>Suggested: {action}</source>
      <translation>建议：{action}</translation>
    </message>
    <message>
      <source>Print call slip</source>
      <translation>打印呼叫单</translation>
    </message>
    <message>
      <source>Print supervision notice</source>
      <translation>打印督办单</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>保存为 PDF…</translation>
    </message>
    <message>
      <source>Print transfer letter</source>
      <translation>打印移送函</translation>
    </message>
    <message>
      <source>This case is finished; nothing more to do.</source>
      <translation>案件已办结，无需再操作。</translation>
    </message>
    <message>
      <source>Nothing for you to do on this case now.</source>
      <translation>此案件目前没有需要您办理的事项。</translation>
    </message>
  </context>
  <context>
    <name>CaseFields</name>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>First receiver: {unit} · {person} · received {time}</source>
      <translation>首接单位：{unit} · 受理人 {person} · 受理时间 {time}</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>反映人</translation>
    </message>
    <message>
      <source>Last change</source>
      <translation>最近更新</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>保密</translation>
    </message>
    <message>
      <source>Confidential ({phone})</source>
      <translation>保密（{phone}）</translation>
    </message>
  </context>
  <context>
    <name>CaseFilterBar</name>
    <message>
      <source>Search description, address, category or case number (Ctrl+F)</source>
      <translation>搜索问题描述、地址、类别或案件编号 (Ctrl+F)</translation>
    </message>
    <message>
      <source>Waiting on me</source>
      <translation>待我办理</translation>
    </message>
    <message>
      <source>Only the cases waiting on you now: the to-do list of the workbench</source>
      <translation>只看现在等您办理的案件，即工作台上的待我办理</translation>
    </message>
    <message>
      <source>My unit</source>
      <translation>本单位</translation>
    </message>
    <message>
      <source>Only the cases {unit} leads</source>
      <translation>只看{unit}牵头的案件</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <source>All sources</source>
      <translation>全部来源</translation>
    </message>
    <message>
      <source>Any urgency</source>
      <translation>全部紧急程度</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>{group} (all)</source>
      <translation>{group}（全部）</translation>
    </message>
  </context>
  <context>
    <name>CasePhotos</name>
    <message>
      <source>Photos: {count}</source>
      <translation>照片 {count} 张</translation>
    </message>
    <message>
      <source>Evidence list…</source>
      <translation>证据清单…</translation>
    </message>
    <message>
      <source>Every file with its SHA-256, who captured it, where and when, and custody</source>
      <translation>每个证据文件的 SHA-256、采集人、采集设备和时间，以及保管记录</translation>
    </message>
    <message>
      <source>{file} · {size} KB · SHA-256 {hash}</source>
      <translation>{file} · {size} KB · SHA-256 {hash}</translation>
    </message>
    <message>
      <source>No photos</source>
      <translation>无照片</translation>
    </message>
  </context>
  <context>
    <name>CaseProgressPanel</name>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>分拨方式</translation>
    </message>
    <message>
      <source>Lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source>Cooperating</source>
      <translation>配合单位</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>呼叫</translation>
    </message>
    <message>
      <source>Extension</source>
      <translation>延期</translation>
    </message>
    <message>
      <source>{days} working days asked, awaiting approval</source>
      <translation>申请延期 {days} 个工作日，待审批</translation>
    </message>
    <message>
      <source>Parking</source>
      <translation>挂账</translation>
    </message>
    <message>
      <source>until {date} asked, awaiting approval</source>
      <translation>申请挂账至 {date}，待审批</translation>
    </message>
    <message>
      <source>Parked until</source>
      <translation>挂账至</translation>
    </message>
    <message>
      <source>{count} supervision notices</source>
      <translation>已督办 {count} 次</translation>
    </message>
    <message>
      <source>Supervision</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>due {time}</source>
      <translation>时限 {time}</translation>
    </message>
  </context>
  <context>
    <name>CaseRecords</name>
    <message>
      <source>Duty disputes</source>
      <translation>职责争议</translation>
    </message>
    <message>
      <source>Transfers</source>
      <translation>移送</translation>
    </message>
    <message>
      <source>{unit} says it is not its duty ({time}, {status})</source>
      <translation>{unit}认为不属于本单位职责（{time}，{status}）</translation>
    </message>
    <message>
      <source>Cited: {items}</source>
      <translation>引用：{items}</translation>
    </message>
    <message>
      <source>Ruling: {lead} leads, {helpers} cooperate</source>
      <translation>裁定：{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
      <source>Ruling: {lead} leads</source>
      <translation>裁定：{lead}牵头</translation>
    </message>
    <message>
      <source>Boundary list amended: {item}</source>
      <translation>据此修订边界清单 {item}</translation>
    </message>
    <message>
      <source>(no letter number)</source>
      <translation>（无函号）</translation>
    </message>
    <message>
      <source>{letter} transferred in from {unit} ({time})</source>
      <translation>{letter} 由{unit}移入（{time}）</translation>
    </message>
    <message>
      <source>{letter} transferred to {unit} ({time}), suspected offence: {offence}</source>
      <translation>{letter} 移送{unit}（{time}），涉嫌：{offence}</translation>
    </message>
    <message>
      <source>{letter} transferred to {unit} ({time})</source>
      <translation>{letter} 移送{unit}（{time}）</translation>
    </message>
    <message>
      <source>No receipt yet</source>
      <translation>回执未回</translation>
    </message>
    <message>
      <source>Receipt signed by {who} ({time})</source>
      <translation>回执：{who}签收（{time}）</translation>
    </message>
    <message>
      <source>Outcome not yet reported</source>
      <translation>结果待反馈</translation>
    </message>
    <message>
      <source>Outcome: {outcome} ({time})</source>
      <translation>结果：{outcome}（{time}）</translation>
    </message>
    <message>
      <source>Passed by the police to {unit} ({time})</source>
      <translation>公安机关移交{unit}（{time}）</translation>
    </message>
    <message>
      <source> (later than 24 hours)</source>
      <translation>（超过 24 小时）</translation>
    </message>
    <message>
      <source>Review asked ({time})</source>
      <translation>已提请复议（{time}）</translation>
    </message>
    <message>
      <source>Decision on review: {answer} ({time})</source>
      <translation>复议决定：{answer}（{time}）</translation>
    </message>
    <message>
      <source>Decision on review not yet reported</source>
      <translation>复议决定未回</translation>
    </message>
    <message>
      <source>Review window passed ({due})</source>
      <translation>复议期限已过（{due}）</translation>
    </message>
    <message>
      <source>Procuratorate asked to supervise: {unit} ({day})</source>
      <translation>已建议{unit}立案监督（{day}）</translation>
    </message>
    <message>
      <source>Items handed over on {day} to {who} ({list})</source>
      <translation>涉案物品已于 {day} 移交，{who}接收（{list}）</translation>
    </message>
    <message>
      <source>Items not yet handed over</source>
      <translation>涉案物品未移交</translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>First receiver</source>
      <translation>首接单位</translation>
    </message>
    <message>
      <source>This column cannot be sorted</source>
      <translation>此列不能排序</translation>
    </message>
  </context>
  <context>
    <name>CasesBehindDialog</name>
    <message>
      <source>Cases behind the figure</source>
      <translation>数据对应的案件</translation>
    </message>
    <message>
      <source>{count} cases</source>
      <translation>共 {count} 件</translation>
    </message>
    <message>
      <source>{count} cases; the first {shown} are listed.</source>
      <translation>共 {count} 件，列出前 {shown} 件。</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>打开案件</translation>
    </message>
  </context>
  <context>
    <name>CasesPage</name>
    <message>
      <source>Register case</source>
      <translation>登记案件</translation>
    </message>
    <message>
      <source>Register a new case (Ctrl+N)</source>
      <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
      <source>No case matches these filters.</source>
      <translation>没有符合条件的案件。</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>正在查找…</translation>
    </message>
    <message>
      <source>{count} cases</source>
      <translation>共 {count} 件</translation>
    </message>
    <message>
      <source>About {count} cases</source>
      <translation>约 {count} 件</translation>
    </message>
    <message>
      <source>Export ledger</source>
      <translation>导出台账</translation>
    </message>
    <message>
      <source>Export the cases these filters find to an Excel ledger</source>
      <translation>将当前筛选出的案件导出为 Excel 案件台账</translation>
    </message>
    <message>
      <source>Export the case ledger</source>
      <translation>导出案件台账</translation>
    </message>
    <message>
      <source>CaseLedger-{date}.xlsx</source>
      <translation>案件台账-{date}.xlsx</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Case ledger exported ({count} cases): {path}</source>
      <translation>已导出案件台账（{count} 件）：{path}</translation>
    </message>
    <message>
      <source>Exporting the case ledger…</source>
      <translation>正在导出案件台账…</translation>
    </message>
  </context>
  <context>
    <name>CategoriesTab</name>
    <message>
      <source>Split the selected category into narrower ones</source>
      <translation>把选中的类别拆分为更细的类别</translation>
    </message>
    <message>
      <source>Split…</source>
      <translation>拆分…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Default route</source>
      <translation>默认处置方式</translation>
    </message>
    <message>
      <source>Default unit</source>
      <translation>默认单位</translation>
    </message>
    <message>
      <source>Handling limit</source>
      <translation>办理时限</translation>
    </message>
    <message>
      <source>Sign-for limit</source>
      <translation>签收时限</translation>
    </message>
    <message>
      <source>Power-list matter</source>
      <translation>权责事项编码</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Add group…</source>
      <translation>新增大类…</translation>
    </message>
    <message>
      <source>Add category…</source>
      <translation>新增小类…</translation>
    </message>
    <message>
      <source>Select the group to add a category to.</source>
      <translation>请先选中要在其下新增小类的大类。</translation>
    </message>
    <message>
      <source>A deactivated category is no longer offered when a case is registered. Its cases keep it; it can be reactivated later.</source>
      <translation>停用后，受理登记时不再提供这个类别；已有案件的类别不变；以后可以重新启用。</translation>
    </message>
    <message>
      <source>The category is offered again when a case is registered.</source>
      <translation>重新启用后，受理登记时又可以选择这个类别。</translation>
    </message>
  </context>
  <context>
    <name>CategoryDialog</name>
    <message>
      <source>Letters and digits, up to {limit}, e.g. 0106</source>
      <translation>字母或数字，最多 {limit} 位，如 0106</translation>
    </message>
    <message>
      <source>e.g. 占道经营</source>
      <translation>如：占道经营</translation>
    </message>
    <message>
      <source>The lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source> working days</source>
      <translation> 个工作日</translation>
    </message>
    <message>
      <source> hours</source>
      <translation> 小时</translation>
    </message>
    <message>
      <source>0: the same working day</source>
      <translation>0 表示当个工作日</translation>
    </message>
    <message>
      <source>From the power list, if any</source>
      <translation>权责清单中的事项编码（如有）</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>The code of a category cannot change.</source>
      <translation>类别的编码不能修改。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>The group of a category cannot change.</source>
      <translation>类别所属的大类不能修改。</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>所属大类</translation>
    </message>
    <message>
      <source>Default route</source>
      <translation>默认处置方式</translation>
    </message>
    <message>
      <source>Default unit</source>
      <translation>默认单位</translation>
    </message>
    <message>
      <source>or</source>
      <translation>或</translation>
    </message>
    <message>
      <source>Handling limit</source>
      <translation>办理时限</translation>
    </message>
    <message>
      <source>Working days; or, for urgent hazards such as a gas leak, hours on the clock. Leave both at — for the default.</source>
      <translation>填工作日；燃气泄漏等紧急隐患填小时数。两项都为“—”时按默认时限。</translation>
    </message>
    <message>
      <source>Sign-for limit</source>
      <translation>签收时限</translation>
    </message>
    <message>
      <source>Power-list matter</source>
      <translation>权责事项编码</translation>
    </message>
    <message>
      <source>Add a category</source>
      <translation>新增小类</translation>
    </message>
    <message>
      <source>Add a group</source>
      <translation>新增大类</translation>
    </message>
    <message>
      <source>A new problem category</source>
      <translation>新的问题类别</translation>
    </message>
    <message>
      <source>A new group</source>
      <translation>新的大类</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit a category</source>
      <translation>修改问题类别</translation>
    </message>
    <message>
      <source>Category {name}</source>
      <translation>问题类别：{name}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source> d</source>
      <translation> 个工作日</translation>
    </message>
    <message>
      <source>default</source>
      <translation>默认</translation>
    </message>
    <message>
      <source>triage</source>
      <translation>研判</translation>
    </message>
    <message>
      <source>verification</source>
      <translation>核查</translation>
    </message>
    <message>
      <source>closing</source>
      <translation>结案</translation>
    </message>
    <message>
      <source>Office steps</source>
      <translation>环节时限</translation>
    </message>
    <message>
      <source>Working days. Default: triage 1, verification 3, closing 1; urgent cases 2 and 4 office hours.</source>
      <translation>工作日。默认：研判 1 个、核查 3 个、结案 1 个工作日；紧急案件研判 2 小时、核查 4 小时（工作时间）。</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>Change password</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>{name}, your password was set by the administrator. Choose your own before you go on.</source>
      <translation>{name}，您现在的密码是管理员设定的。请先设定您自己的密码再继续。</translation>
    </message>
    <message>
      <source>Change the password of {name} ({username}).</source>
      <translation>修改 {name}（{username}）的密码。</translation>
    </message>
    <message>
      <source>At least {limit} characters, different from the current one.</source>
      <translation>至少 {limit} 位，且不能与原密码相同。</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>原密码</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>New password again</source>
      <translation>再输一遍新密码</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Type your current password.</source>
      <translation>请输入原密码。</translation>
    </message>
    <message>
      <source>The two new passwords differ. Type it again.</source>
      <translation>两次输入的新密码不一致，请再输入一遍。</translation>
    </message>
  </context>
  <context>
    <name>Clock</name>
    <message>
      <source>{days} d</source>
      <translation>{days} 天</translation>
    </message>
    <message>
      <source>1 working day</source>
      <translation>1 个工作日</translation>
    </message>
    <message>
      <source>{days} working days</source>
      <translation>{days} 个工作日</translation>
    </message>
    <message>
      <source>{hours} h</source>
      <translation>{hours} 小时</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} 分钟</translation>
    </message>
    <message>
      <source>under a minute</source>
      <translation>不到 1 分钟</translation>
    </message>
    <message>
      <source>parked: the clock is stopped</source>
      <translation>已挂账，暂停计时</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>{span} overdue</source>
      <translation>已超期 {span}</translation>
    </message>
    <message>
      <source>{span} left</source>
      <translation>还剩 {span}</translation>
    </message>
    <message>
      <source>took {span} (late)</source>
      <translation>用时 {span}（超时）</translation>
    </message>
    <message>
      <source>took {span}</source>
      <translation>用时 {span}</translation>
    </message>
    <message>
      <source>{span} late</source>
      <translation>已超时 {span}</translation>
    </message>
    <message>
      <source>Sign-for deadline</source>
      <translation>签收时限</translation>
    </message>
    <message>
      <source>Handling deadline</source>
      <translation>处置时限</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>响应</translation>
    </message>
    <message>
      <source>Arrival</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Triage deadline</source>
      <translation>研判时限</translation>
    </message>
    <message>
      <source>Verification deadline</source>
      <translation>核查时限</translation>
    </message>
    <message>
      <source>Closing deadline</source>
      <translation>结案时限</translation>
    </message>
    <message>
      <source>Transfer receipt</source>
      <translation>移送回执</translation>
    </message>
    <message>
      <source>Transfer outcome</source>
      <translation>移送结果</translation>
    </message>
    <message>
      <source>Police transfer approval</source>
      <translation>移送公安审批</translation>
    </message>
    <message>
      <source>Police transfer sending</source>
      <translation>移送公安送达</translation>
    </message>
    <message>
      <source>Police decision on the case</source>
      <translation>公安立案决定</translation>
    </message>
    <message>
      <source>Review request window</source>
      <translation>提请复议期限</translation>
    </message>
    <message>
      <source>Police answer to the review</source>
      <translation>公安复议决定</translation>
    </message>
    <message>
      <source>Asking the procuratorate to supervise</source>
      <translation>建议立案监督期限</translation>
    </message>
    <message>
      <source>Items handed to the police</source>
      <translation>移交涉案物品</translation>
    </message>
  </context>
  <context>
    <name>ConfirmDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>ConfirmPage</name>
    <message>
      <source>Ready to create</source>
      <translation>确认创建</translation>
    </message>
    <message>
      <source>Check what you entered. Go back to change anything.</source>
      <translation>请核对填写的内容；需要修改的，点“上一步”返回。</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <source>Issuing authority</source>
      <translation>执法主体</translation>
    </message>
    <message>
      <source>Office</source>
      <translation type="vanished">综合执法办</translation>
    </message>
    <message>
      <source>Office address and phone</source>
      <translation>办公地址、电话</translation>
    </message>
    <message>
      <source>Office hours</source>
      <translation>办公时间</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Starting base data</source>
      <translation>初始基础数据</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <source>Creating the township…</source>
      <translation>正在创建乡镇……</translation>
    </message>
    <message>
      <source>user name {username}, with the password you chose</source>
      <translation>用户名 {username}，密码为刚才设定的密码</translation>
    </message>
    <message>
      <source>Nothing for now</source>
      <translation>暂不导入</translation>
    </message>
    <message>
      <source>The standard starting set: {departments} departments, {categories} problem categories</source>
      <translation>标准初始数据：部门 {departments} 个，问题类别 {categories} 个</translation>
    </message>
    <message>
      <source>{file}: {departments} departments, {grids} grids, {categories} problem categories, {users} users</source>
      <translation>{file}：部门 {departments} 个，网格 {grids} 个，问题类别 {categories} 个，用户 {users} 个</translation>
    </message>
  </context>
  <context>
    <name>ConflictBanner</name>
    <message>
      <source>Sync conflict: two devices handled this case differently while offline. Check both and settle it.</source>
      <translation>同步冲突：两台设备离线时对本案作了不同处理，请核对后处理</translation>
    </message>
    <message>
      <source>The timeline marks the steps involved as “not in effect (conflict)” or “concurrent change”.</source>
      <translation>时间线中涉及的步骤标为“未生效（冲突）”或“并行修改”。</translation>
    </message>
    <message>
      <source>Settle conflict…</source>
      <translation>处理冲突…</translation>
    </message>
    <message>
      <source>A clerk, administrator or leader settles it on the office PC.</source>
      <translation>由受理员、管理员或分管领导在综合执法办电脑上处理。</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Settle the sync conflict of case {number}</source>
      <translation>处理案件 {number} 的同步冲突</translation>
    </message>
    <message>
      <source>These steps were taken on two devices while they were offline. Check them with the people involved. To adopt a step that did not take effect, take it again after settling.</source>
      <translation>以下步骤是两台设备离线时分别办理的，请与相关人员核对。如需采用未生效的处理，请在处理冲突后再办理一次该步骤。</translation>
    </message>
    <message>
      <source>No open conflict.</source>
      <translation>没有待处理的冲突。</translation>
    </message>
    <message>
      <source>How was it settled? (recorded in the timeline)</source>
      <translation>处理意见（记入时间线）</translation>
    </message>
    <message>
      <source>e.g. Checked with the grid worker: the dispatch to the squadron stands.</source>
      <translation>例如：已与网格员核实，以派遣执法中队为准。</translation>
    </message>
    <message>
      <source>Record as settled</source>
      <translation>确认已处理</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>ConflictList</name>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Double-click a case to open it and settle the conflict</source>
      <translation>双击案件，打开后处理冲突</translation>
    </message>
  </context>
  <context>
    <name>CooperatingUnits</name>
    <message>
      <source>Cooperating units chosen: {units}</source>
      <translation>已选配合单位：{units}</translation>
    </message>
    <message>
      <source>No cooperating units chosen</source>
      <translation>未选配合单位</translation>
    </message>
  </context>
  <context>
    <name>Countdown</name>
    <message>
      <source>Wait {seconds} s</source>
      <translation>请等待 {seconds} 秒</translation>
    </message>
  </context>
  <context>
    <name>DataPage</name>
    <message>
      <source>Starting base data</source>
      <translation>初始基础数据</translation>
    </message>
    <message>
      <source>The departments (1+X+Y), problem categories, grids and users the township starts with. Everything can be changed later.</source>
      <translation>乡镇起步时的部门（1+X+Y）、问题类别、网格和用户。以后都可以修改。</translation>
    </message>
    <message>
      <source>The standard starting set</source>
      <translation>标准初始数据</translation>
    </message>
    <message>
      <source>{departments} departments, named by role (派出所, 应急管理局, …), and {leaves} problem categories in {groups} groups, each with its usual route and time limit. Rename and adjust them to your township afterwards.</source>
      <translation>{departments} 个部门（按职能命名，如派出所、应急管理局等），{groups} 个大类下的 {leaves} 个问题类别，各带常用的处置方式和办理时限。之后再按本乡镇实际改名、调整。</translation>
    </message>
    <message>
      <source>A filled-in workbook</source>
      <translation>填好的基础数据表</translation>
    </message>
    <message>
      <source>The base-data workbook (基础数据表.xlsx) with your departments, grids, categories and users, exported from another township or filled in from the blank template. It is checked before anything is created.</source>
      <translation>写有本乡镇部门、网格、问题类别和用户的基础数据表（基础数据表.xlsx），可以从别的乡镇导出，也可以用空白模板填写。创建之前会先检查。</translation>
    </message>
    <message>
      <source>No workbook chosen</source>
      <translation>尚未选择基础数据表</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Save a blank template…</source>
      <translation>保存空白模板…</translation>
    </message>
    <message>
      <source>Nothing for now</source>
      <translation>暂不导入</translation>
    </message>
    <message>
      <source>Only the office and the administrator. Bring in the base data later from a workbook (towndesk setup import).</source>
      <translation type="vanished">只建综合执法办和管理员。基础数据以后再用基础数据表导入（towndesk setup import）。</translation>
    </message>
    <message>
      <source>Only the office and the administrator. Add the base data later on the Base data page, one by one or from a workbook.</source>
      <translation>只建综合执法办和管理员。基础数据以后在“基础数据”页逐项添加，或用基础数据表导入。</translation>
    </message>
    <message>
      <source>The workbook is still being checked. A moment, please.</source>
      <translation>正在检查基础数据表，请稍候。</translation>
    </message>
    <message>
      <source>Choose a workbook without problems, or another starting set.</source>
      <translation>请选择一份没有问题的基础数据表，或改选其他初始数据。</translation>
    </message>
    <message>
      <source>Choose the base-data workbook</source>
      <translation>选择基础数据表</translation>
    </message>
    <message>
      <source>Workbooks ({pattern})</source>
      <translation>Excel 工作簿（{pattern}）</translation>
    </message>
    <message>
      <source>Save a blank base-data workbook</source>
      <translation>保存空白基础数据表</translation>
    </message>
    <message>
      <source>BaseData.xlsx</source>
      <translation>基础数据表.xlsx</translation>
    </message>
    <message>
      <source>The template was not saved: {reason}</source>
      <translation>模板没有保存：{reason}</translation>
    </message>
    <message>
      <source>Blank template saved: {path}. Fill it in, save it, then choose it here.</source>
      <translation>空白模板已保存：{path}。填写并保存后，再在这里选择它。</translation>
    </message>
    <message>
      <source>Checking the workbook…</source>
      <translation>正在检查基础数据表……</translation>
    </message>
    <message>
      <source>The workbook reads well: {departments} departments, {grids} grids, {categories} problem categories, {users} users.</source>
      <translation>基础数据表读取无误：部门 {departments} 个，网格 {grids} 个，问题类别 {categories} 个，用户 {users} 个。</translation>
    </message>
    <message>
      <source>{problem} Choose another file.</source>
      <translation>{problem}请另选文件。</translation>
    </message>
    <message>
      <source>Nothing was created: {count} rows of the workbook do not fit the new township, listed above. Correct them in the workbook and choose it again, or choose another file.</source>
      <translation>什么都没有创建：基础数据表有 {count} 行与新乡镇对不上，见上方列表。请在表中改正后重新选择，或另选文件。</translation>
    </message>
    <message>
      <source>The workbook has {count} problems, listed above. Correct them in the workbook and choose it again, or choose another file.</source>
      <translation>基础数据表有 {count} 处问题，见上方列表。请在表中改正后重新选择，或另选文件。</translation>
    </message>
    <message>
      <source>Nothing was created: the workbook has {count} problems, listed above. Correct them in the workbook and choose it again, or choose another file.</source>
      <translation type="vanished">什么都没有创建：基础数据表有 {count} 处问题，见上方列表。请在表中改正后重新选择，或另选文件。</translation>
    </message>
  </context>
  <context>
    <name>DateBox</name>
    <message>
      <source>Any</source>
      <translation>不限</translation>
    </message>
  </context>
  <context>
    <name>DecideDialog</name>
    <message>
      <source>Rule on a duty dispute · case {number}</source>
      <translation>裁定职责争议 · 案件 {number}</translation>
    </message>
    <message>
      <source>{unit} says case {number} ({category}) is not its duty. Which unit leads it?</source>
      <translation>{unit}认为案件 {number}（{category}）不属于本单位职责。由哪个单位牵头办理？</translation>
    </message>
    <message>
      <source>(choose one)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>Under which list item or rule, and why this unit leads</source>
      <translation>依据哪条清单或规定，为什么由该单位牵头</translation>
    </message>
    <message>
      <source>Amend the duty boundary list locally as well</source>
      <translation>同时对职责边界清单作本镇修订</translation>
    </message>
    <message>
      <source>A local amendment is kept beside boundary list item {no} ({code}) for “{category}”: routing follows it at once, the official list stays as issued, and the change goes into the proposal to the establishment office. Only the responsible leader or the joint meeting amends the lists.</source>
      <translation>将在边界清单第{no}项（{code}）旁记录“{category}”的本镇修订：分拨建议立即按修订执行，官方清单保持原样，修订列入报区编办的修订建议。只有分管领导或联席会议可以修订清单。</translation>
    </message>
    <message>
      <source>The boundary list has no item for “{category}”: a local amendment proposes one, routing follows it at once. Only the responsible leader or the joint meeting amends the lists.</source>
      <translation>边界清单没有“{category}”的条目：本镇修订将建议增列一项，分拨建议立即按修订执行。只有分管领导或联席会议可以修订清单。</translation>
    </message>
    <message>
      <source>&amp;Lead unit</source>
      <translation>牵头单位(&amp;L)</translation>
    </message>
    <message>
      <source>Cooperating units</source>
      <translation>配合单位</translation>
    </message>
    <message>
      <source>&amp;Reasoning</source>
      <translation>裁定理由(&amp;R)</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>裁定</translation>
    </message>
  </context>
  <context>
    <name>DecisionList</name>
    <message>
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决议</translation>
    </message>
    <message>
      <source>Owner unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>No. {number}</source>
      <translation>第 {number} 次</translation>
    </message>
    <message>
      <source>{deadline}
{days} days late</source>
      <translation>{deadline}
已超期 {days} 天</translation>
    </message>
  </context>
  <context>
    <name>DecisionRow</name>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>What the meeting decided, in one or two sentences</source>
      <translation>会议决定的事项，一两句话写清楚</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>(settles no duty dispute)</source>
      <translation>（不涉及职责争议）</translation>
    </message>
    <message>
      <source>Amend the boundary list</source>
      <translation>同时对职责边界清单作本镇修订</translation>
    </message>
    <message>
      <source>A local amendment beside the boundary list's item for the case's category names this lead unit; routing follows it, the official list stays as issued</source>
      <translation>在职责边界清单该问题类别的条目旁记录本镇修订，由此单位牵头；分拨建议按修订执行，官方清单保持原样</translation>
    </message>
    <message>
      <source>&amp;Deadline</source>
      <translation>完成期限(&amp;D)</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决议</translation>
    </message>
    <message>
      <source>Owner unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Settles dispute</source>
      <translation>裁定的职责争议</translation>
    </message>
    <message>
      <source>Lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source>Cooperating</source>
      <translation>配合单位</translation>
    </message>
    <message>
      <source>Decision {position}</source>
      <translation>第 {position} 项决议</translation>
    </message>
  </context>
  <context>
    <name>DefinitionsDialog</name>
    <message>
      <source>What the indicators mean</source>
      <translation>指标说明</translation>
    </message>
  </context>
  <context>
    <name>DepartmentDialog</name>
    <message>
      <source>Letters and digits, up to {limit}, e.g. HBZ</source>
      <translation>字母或数字，最多 {limit} 位，如 HBZ</translation>
    </message>
    <message>
      <source>e.g. 青石镇生态环境监管站</source>
      <translation>如：青石镇生态环境监管站</translation>
    </message>
    <message>
      <source>The full name when left empty</source>
      <translation>不填则与全称相同</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>The code and tier of a department cannot change.</source>
      <translation>部门的编码和层级不能修改。</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>全称</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Parent department</source>
      <translation>上级主管部门</translation>
    </message>
    <message>
      <source>For a stationed (X) unit: the district (Y) department it belongs to.</source>
      <translation>派驻单位（X）填所属的区直部门（Y）。</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>For urgent calls; an ordinary call gets twice the minutes. Set with the command towndesk response.</source>
      <translation>适用于紧急呼叫，一般呼叫的分钟数加倍。用 towndesk response 命令设置。</translation>
    </message>
    <message>
      <source>Response commitment</source>
      <translation>响应承诺</translation>
    </message>
    <message>
      <source>Add a department</source>
      <translation>新增部门</translation>
    </message>
    <message>
      <source>A new department</source>
      <translation>新的部门</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit a department</source>
      <translation>修改部门</translation>
    </message>
    <message>
      <source>Department {name}</source>
      <translation>部门：{name}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>DepartmentsTab</name>
    <message>
      <source>Tier</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>全称</translation>
    </message>
    <message>
      <source>Parent department</source>
      <translation>上级主管部门</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Response commitment (Y)</source>
      <translation>响应承诺（Y 类）</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>A deactivated department is no longer offered for dispatch, calls or new users. Its cases and records stay as they are; it can be reactivated later.</source>
      <translation>停用后，派遣、呼叫和新增用户时不再提供这个部门；它的案件和记录保持不变；以后可以重新启用。</translation>
    </message>
    <message>
      <source>The department is offered for dispatch, calls and new users again.</source>
      <translation>重新启用后，派遣、呼叫和新增用户时又可以选择这个部门。</translation>
    </message>
  </context>
  <context>
    <name>DeviceList</name>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Enrolled</source>
      <translation>注册时间</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Waiting to export</source>
      <translation>待导出</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>上次同步</translation>
    </message>
    <message>
      <source>{device} (this device)</source>
      <translation>{device}（本机）</translation>
    </message>
    <message>
      <source>{n} records</source>
      <translation>{n} 条记录</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source> ({m} not yet confirmed)</source>
      <translation>（{m} 条待对方确认）</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未同步</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>已注销</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Key fingerprint {fingerprint}</source>
      <translation>密钥指纹 {fingerprint}</translation>
    </message>
    <message>
      <source>No device is enrolled yet: the office's keys are set up first.</source>
      <translation>尚未注册任何设备：请先设置综合执法办电脑的设备密钥。</translation>
    </message>
  </context>
  <context>
    <name>DeviceUnlockDialog</name>
    <message>
      <source>Unlock — TownDesk</source>
      <translation>解锁 — TownDesk</translation>
    </message>
    <message>
      <source>This computer's data is encrypted</source>
      <translation>本机数据已加密</translation>
    </message>
    <message>
      <source>Enter the device password to open it. It is the password given with the enrolment file (on the office PC: the sync key password).</source>
      <translation>请输入设备密码以打开数据。设备密码就是领取注册文件时设定的口令（办公室电脑上是同步密钥口令）。</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Device password</source>
      <translation>设备密码</translation>
    </message>
    <message>
      <source>Enter the device password.</source>
      <translation>请输入设备密码。</translation>
    </message>
  </context>
  <context>
    <name>DispatchForm</name>
    <message>
      <source>Lead unit</source>
      <translation>牵头单位</translation>
    </message>
    <message>
      <source>Cooperating units</source>
      <translation>配合单位</translation>
    </message>
  </context>
  <context>
    <name>DisputesPage</name>
    <message>
      <source>Local amendment (case {case}, {time}): {lead} leads “{category}”</source>
      <translation>本镇修订（案件 {case}，{time}）：“{category}”由{lead}牵头</translation>
    </message>
    <message>
      <source>The duty dispute on case {number} was withdrawn from the joint meeting.</source>
      <translation>案件 {number} 的职责争议已从联席会议撤回，待重新裁定。</translation>
    </message>
    <message>
      <source>the joint meeting</source>
      <translation>联席会议</translation>
    </message>
    <message>
      <source>Withdrawn from the joint meeting on {time}: {reason}</source>
      <translation>已于 {time} 从联席会议撤回：{reason}</translation>
    </message>
    <message>
      <source>Withdraw from the meeting…</source>
      <translation>从会议撤回…</translation>
    </message>
    <message>
      <source>Open case</source>
      <translation>打开案件</translation>
    </message>
    <message>
      <source>Rule…</source>
      <translation>裁定…</translation>
    </message>
    <message>
      <source>The enforcement office rules by the lists which unit leads</source>
      <translation>由综合执法办依据清单裁定由谁牵头</translation>
    </message>
    <message>
      <source>Refer to a joint meeting…</source>
      <translation>提交联席会议…</translation>
    </message>
    <message>
      <source>Power &amp; responsibility list: {name} (responsible unit: {unit})</source>
      <translation>权责清单：{name}（责任单位：{unit}）</translation>
    </message>
    <message>
      <source>Put it on the agenda of a joint meeting not yet held</source>
      <translation>列入一次尚未召开的联席会议的议题</translation>
    </message>
    <message>
      <source>Take it back from its joint meeting, to be ruled on otherwise</source>
      <translation>从所提交的联席会议撤回，另行裁定</translation>
    </message>
    <message>
      <source>Select a dispute to see it here.</source>
      <translation>选中一件争议，这里显示详情。</translation>
    </message>
    <message>
      <source>Duty disputes are ruled on by the enforcement office (clerks, administrators) or the leader in charge.</source>
      <translation>职责争议由综合执法办（受理员、管理员）或分管领导裁定。</translation>
    </message>
    <message>
      <source>This dispute has been ruled on.</source>
      <translation>这件争议已经裁定。</translation>
    </message>
    <message>
      <source>Category: {category} · raised by {unit} on {time}</source>
      <translation>问题类别：{category} · {unit}于 {time} 提出</translation>
    </message>
    <message>
      <source>(not in the lists)</source>
      <translation>（清单中没有这一项）</translation>
    </message>
    <message>
      <source>(no list items cited)</source>
      <translation>（没有引用清单条目）</translation>
    </message>
    <message>
      <source>The duty boundary list has no item for “{category}” (routed by the division rule or by category).</source>
      <translation>职责边界清单没有“{category}”的条目（按职责分工办法或问题类别分拨）。</translation>
    </message>
    <message>
      <source>Address: {address}</source>
      <translation>地址：{address}</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>案件</translation>
    </message>
    <message>
      <source>Why it is not the unit's duty</source>
      <translation>不属于本单位职责的理由</translation>
    </message>
    <message>
      <source>List items cited</source>
      <translation>引用的清单条目</translation>
    </message>
    <message>
      <source>What the duty boundary list says now</source>
      <translation>职责边界清单现在的规定</translation>
    </message>
    <message>
      <source>On the agenda of {meeting}, awaiting its decision.</source>
      <translation>已列入{meeting}的议题，等待会议决议。</translation>
    </message>
    <message>
      <source>Referred to the joint meeting, awaiting its decision.</source>
      <translation>已提交联席会议，等待会议决议。</translation>
    </message>
    <message>
      <source>Where it stands</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>Ruling</source>
      <translation>裁定</translation>
    </message>
    <message>
      <source>{lead} leads, {helpers} cooperate</source>
      <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
      <source>{lead} leads</source>
      <translation>{lead}牵头</translation>
    </message>
    <message>
      <source>Ruled on {time}</source>
      <translation>裁定时间：{time}</translation>
    </message>
    <message>
      <source>By a decision of joint meeting no. {number} ({time})</source>
      <translation>依据第 {number} 次联席会议（{time}）的决议</translation>
    </message>
    <message>
      <source>Duty boundary list amended: {item}</source>
      <translation>据此修订职责边界清单：{item}</translation>
    </message>
    <message>
      <source>Duty boundary list item {no}: {name}, {lead} leads, {helpers} cooperate</source>
      <translation>职责边界清单第{no}项：{name}由{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
      <source>Duty boundary list item {no}: {name}, {lead} leads</source>
      <translation>职责边界清单第{no}项：{name}由{lead}牵头</translation>
    </message>
    <message>
      <source>Duty disputes</source>
      <translation>职责争议</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>状态(&amp;S)</translation>
    </message>
    <message>
      <source>When a unit returns a case as “not our duty”, rule here on who leads it: directly by the duty boundary list, or by referring it to the joint meeting. A ruling that changes the lead or amends the list is the responsible leader's; the amendment is kept beside the official list.</source>
      <translation>承办单位以“不属于本单位职责”回退案件时，在这里裁定由谁牵头：依据职责边界清单直接裁定，或提交联席会议决定。改变牵头单位或修订清单的裁定由分管领导作出，修订记为本镇修订，官方清单不变。</translation>
    </message>
    <message>
      <source>Raised</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Raised by</source>
      <translation>提出单位</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>{total} in all, {open} awaiting a ruling</source>
      <translation>共 {total} 件，待裁定 {open} 件</translation>
    </message>
    <message>
      <source>No duty disputes with the status “{status}”.</source>
      <translation>没有{status}的职责争议。</translation>
    </message>
    <message>
      <source>No duty disputes yet. They appear here when a unit returns a case as “not our duty”.</source>
      <translation>还没有职责争议。承办单位以“不属于本单位职责”回退案件时，争议会出现在这里。</translation>
    </message>
    <message>
      <source>The duty dispute on case {number} was referred to a joint meeting.</source>
      <translation>案件 {number} 的职责争议已提交联席会议。</translation>
    </message>
    <message>
      <source>The duty dispute on case {number} was ruled on: {lead} leads. The duty boundary list was amended ({item}).</source>
      <translation>案件 {number} 的职责争议已裁定：{lead}牵头。已对职责边界清单作本镇修订（{item}）。</translation>
    </message>
    <message>
      <source>The duty dispute on case {number} was ruled on: {lead} leads.</source>
      <translation>案件 {number} 的职责争议已裁定：{lead}牵头。</translation>
    </message>
  </context>
  <context>
    <name>DonePage</name>
    <message>
      <source>The township is ready</source>
      <translation>乡镇已建好</translation>
    </message>
    <message>
      <source>First passwords of the users the workbook brought in, shown only now. Copy them or write them down and hand each to its user in person; each user chooses a new password at the first sign-in.</source>
      <translation>以下是基础数据表中新用户的初始密码，只显示这一次。请复制或抄下，当面交给本人；每人首次登录时要改成自己的密码。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>First password</source>
      <translation>初始密码</translation>
    </message>
    <message>
      <source>Copy the passwords</source>
      <translation>复制密码</translation>
    </message>
    <message>
      <source>{township} has been created. Sign in as admin with the password you chose.</source>
      <translation>{township}已创建。请用 admin 和刚才设定的密码登录。</translation>
    </message>
    <message>
      <source>Added: {added}.</source>
      <translation>已导入：{added}。</translation>
    </message>
    <message>
      <source>Copied. Paste them where only you can read them.</source>
      <translation>已复制。请粘贴到只有您能看到的地方。</translation>
    </message>
  </context>
  <context>
    <name>DuplicateHintsPanel</name>
    <message>
      <source>Possible duplicates</source>
      <translation>可能重复的案件</translation>
    </message>
    <message>
      <source>Choose a category and a grid and describe the problem: similar cases of the last 7 days in the same grid will be listed here.</source>
      <translation>选择类别和网格并填写问题描述后，这里会列出同一网格近 7 天内的相似案件。</translation>
    </message>
    <message>
      <source>No similar case in this grid in the last 7 days.</source>
      <translation>该网格近 7 天内没有相似案件。</translation>
    </message>
    <message>
      <source>{count} similar case(s) in the last 7 days. If it is the same problem, open the case instead of registering it again.</source>
      <translation>近 7 天内有 {count} 件相似案件。如果是同一问题，请打开原案件，不要重复登记。</translation>
    </message>
    <message>
      <source>{number}  ·  {time}  ·  {score} similar</source>
      <translation>{number}  ·  {time}  ·  相似度 {score}</translation>
    </message>
    <message>
      <source>Double-click to open this case</source>
      <translation>双击打开此案件</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>Enrol a field laptop</source>
      <translation>注册外业终端</translation>
    </message>
    <message>
      <source>Enrol</source>
      <translation>注册</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>The office gives the laptop its identity: an enrolment file, sealed with a one-time password, carries the laptop's keys and everything it needs to start.</source>
      <translation>由综合执法办为终端建立身份：注册文件用一次性口令加密，内含终端的密钥和开始使用所需的全部数据。</translation>
    </message>
    <message>
      <source>e.g. Qingshi village grid laptop</source>
      <translation>如：青石村网格终端</translation>
    </message>
    <message>
      <source>At least {limit} characters. Tell it to the laptop's user in person, never with the file. The laptop asks for it once when it joins and keeps it as its device key password.</source>
      <translation>至少 {limit} 位。请当面告诉终端使用人，不要和注册文件放在一起交付。终端加入时输入一次，此后即为该终端的设备密钥口令。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Device name</source>
      <translation>设备名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>One-time password</source>
      <translation>一次性口令</translation>
    </message>
    <message>
      <source>Again</source>
      <translation>再输一次</translation>
    </message>
    <message>
      <source>Save the file as</source>
      <translation>注册文件保存为</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>It asks for the one-time password. Run it in the folder holding the file (or give the file's full path); add --db &lt;database file&gt; only to keep the laptop's database somewhere else than the program's data folder. The laptop then opens TownDesk and syncs from its Sync page.</source>
      <translation type="vanished">运行时会要求输入一次性口令。请在注册文件所在的文件夹中运行（或写出文件的完整路径）；只有数据库不放在程序默认数据目录时，才需加上 --db &lt;数据库文件&gt;。之后在终端上打开本程序，在“同步”页交换同步包。</translation>
    </message>
    <message>
      <source>For IT staff, the same from the command line on the laptop, in the folder holding the file (or give the file's full path):</source>
      <translation>信息技术人员也可以在终端的命令行中完成同样的操作，请在注册文件所在的文件夹中运行（或写出文件的完整路径）：</translation>
    </message>
    <message>
      <source>It asks for the one-time password. Add --db &lt;database file&gt; only to keep the laptop's database somewhere else than the program's data folder. The laptop then signs in and syncs from its Sync page.</source>
      <translation>运行时会要求输入一次性口令。只有数据库不放在程序默认数据目录时，才需加上 --db &lt;数据库文件&gt;。之后在终端上登录，在“同步”页交换同步包。</translation>
    </message>
    <message>
      <source>Only a department laptop belongs to a department</source>
      <translation>只有部门终端需要选择所属部门</translation>
    </message>
    <message>
      <source>EnrolmentFile-{name}.tdenrol</source>
      <translation>注册文件-{name}.tdenrol</translation>
    </message>
    <message>
      <source>laptop</source>
      <translation>终端</translation>
    </message>
    <message>
      <source>Save the enrolment file</source>
      <translation>保存注册文件</translation>
    </message>
    <message>
      <source>Enrolment files ({pattern})</source>
      <translation>注册文件 ({pattern})</translation>
    </message>
    <message>
      <source>Enter a name for the laptop.</source>
      <translation>请填写终端的设备名称。</translation>
    </message>
    <message>
      <source>Choose the laptop's department.</source>
      <translation>请选择终端所属部门。</translation>
    </message>
    <message>
      <source>The one-time password needs at least {limit} characters.</source>
      <translation>一次性口令至少 {limit} 位。</translation>
    </message>
    <message>
      <source>The two passwords differ. Type them again.</source>
      <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
      <source>Choose where to save the enrolment file.</source>
      <translation>请选择注册文件的保存位置。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>{file} exists already. Choose another name.</source>
      <translation>已有同名文件 {file}，请换一个文件名。</translation>
    </message>
    <message>
      <source>Writing the file…</source>
      <translation>正在写入注册文件…</translation>
    </message>
    <message>
      <source>The enrolment file could not be written: {reason}</source>
      <translation>无法写入注册文件：{reason}</translation>
    </message>
    <message>
      <source>{name} is enrolled: code {code}, {kind}.</source>
      <translation>已注册 {name}：设备编码 {code}，{kind}。</translation>
    </message>
    <message>
      <source>The enrolment file is written:
{path}

1. Copy the file to the laptop (USB stick).
2. Tell the laptop's user the one-time password in person, not with the file.
3. On the laptop, start TownDesk and choose “Join as a field laptop”; choose the file there and type the one-time password.</source>
      <translation>注册文件已写入：
{path}

1. 用 U 盘把注册文件拷到终端上。
2. 当面把一次性口令告诉终端使用人，不要随文件一起交付。
3. 在终端上启动本程序，选择“作为外业终端加入”，在其中选择该注册文件并输入一次性口令。</translation>
    </message>
    <message>
      <source>The enrolment file is written:
{path}

1. Copy the file to the laptop (USB stick).
2. Tell the laptop's user the one-time password in person, not with the file.
3. On the laptop, run:</source>
      <translation type="vanished">注册文件已写入：
{path}

1. 用 U 盘把注册文件拷到终端上。
2. 当面把一次性口令告诉终端使用人，不要随文件一起交付。
3. 在终端上运行：</translation>
    </message>
  </context>
  <context>
    <name>Enum</name>
    <message>
      <source>Enforcement office</source>
      <translation>综合执法办</translation>
    </message>
    <message>
      <source>Stationed department</source>
      <translation>派驻机构</translation>
    </message>
    <message>
      <source>District department</source>
      <translation>区直部门</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>受理员</translation>
    </message>
    <message>
      <source>Grid worker</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Department officer</source>
      <translation>部门人员</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>督查人员</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>分管领导</translation>
    </message>
    <message>
      <source>Patrol</source>
      <translation>巡查发现</translation>
    </message>
    <message>
      <source>Hotline</source>
      <translation>热线</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>来访</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>上级交办</translation>
    </message>
    <message>
      <source>Transfer-in</source>
      <translation>移送</translation>
    </message>
    <message>
      <source>Joint patrol</source>
      <translation>联合巡察</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Pending triage</source>
      <translation>待研判</translation>
    </message>
    <message>
      <source>Awaiting sign-for</source>
      <translation>待签收</translation>
    </message>
    <message>
      <source>Being handled</source>
      <translation>处置中</translation>
    </message>
    <message>
      <source>Parked</source>
      <translation>挂账中</translation>
    </message>
    <message>
      <source>Awaiting verification</source>
      <translation>待核查</translation>
    </message>
    <message>
      <source>Awaiting closure</source>
      <translation>待结案</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已结案</translation>
    </message>
    <message>
      <source>Transferred</source>
      <translation>已移送</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>不予受理</translation>
    </message>
    <message>
      <source>Merged</source>
      <translation>已合并</translation>
    </message>
    <message>
      <source>Handled by the township</source>
      <translation>镇街自行处置</translation>
    </message>
    <message>
      <source>Dispatched to a stationed department</source>
      <translation>派遣派驻机构</translation>
    </message>
    <message>
      <source>District department called</source>
      <translation>呼叫区直部门</translation>
    </message>
    <message>
      <source>Awaiting a ruling</source>
      <translation>待裁定</translation>
    </message>
    <message>
      <source>Referred to a joint meeting</source>
      <translation>已提交联席会议</translation>
    </message>
    <message>
      <source>Ruled on</source>
      <translation>已裁定</translation>
    </message>
    <message>
      <source>Duty dispute</source>
      <translation>职责争议</translation>
    </message>
    <message>
      <source>Supervised repeatedly</source>
      <translation>多次督办</translation>
    </message>
    <message>
      <source>Long overdue</source>
      <translation>长期超期</translation>
    </message>
    <message>
      <source>Cross-department</source>
      <translation>跨部门</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>Evidence list of case {number}</source>
      <translation>案件 {number} 的证据清单</translation>
    </message>
    <message>
      <source>Evidence list: {count} files</source>
      <translation>证据清单：共 {count} 个文件</translation>
    </message>
    <message>
      <source>Each file is kept with its original bytes and named by its SHA-256 hash, taken when it was captured. Anyone can recompute the hash of a copy and compare.</source>
      <translation>每个文件按原样保存，以采集时计算的 SHA-256 哈希值命名。任何人都可以对副本重新计算哈希值进行比对。</translation>
    </message>
    <message>
      <source>This case has no evidence files.</source>
      <translation>本案没有证据文件。</translation>
    </message>
    <message>
      <source>Copy SHA-256</source>
      <translation>复制 SHA-256</translation>
    </message>
    <message>
      <source>Copy the hash of the selected file (Ctrl+C)</source>
      <translation>复制所选文件的哈希值（Ctrl+C）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件名</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Captured (by · on device · at)</source>
      <translation>采集（人员 · 设备 · 时间）</translation>
    </message>
    <message>
      <source>Custody since (sync files)</source>
      <translation>此后的保管（同步包传递）</translation>
    </message>
    <message>
      <source>missing here</source>
      <translation>本机缺失</translation>
    </message>
    <message>
      <source>The file is not on this device (towndesk verify).</source>
      <translation>本机没有这个文件（可运行 towndesk verify 检查）。</translation>
    </message>
    <message>
      <source>added {time}</source>
      <translation>{time} 加入</translation>
    </message>
    <message>
      <source>Still on the device that captured it</source>
      <translation>仍在采集设备上，未经同步包传递</translation>
    </message>
    <message>
      <source>{time} to {device}, from {sender} by sync file {file}</source>
      <translation>{time} 由 {sender} 经同步包 {file} 传至 {device}</translation>
    </message>
    <message>
      <source>, imported by {person}</source>
      <translation>，导入人 {person}</translation>
    </message>
  </context>
  <context>
    <name>ExtendForm</name>
    <message>
      <source> working days</source>
      <translation> 个工作日</translation>
    </message>
    <message>
      <source>Extend by</source>
      <translation>延期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
  </context>
  <context>
    <name>FeedbackForm</name>
    <message>
      <source>What was done</source>
      <translation>处置情况</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
  </context>
  <context>
    <name>FieldBanner</name>
    <message>
      <source>never</source>
      <translation>尚未同步</translation>
    </message>
    <message>
      <source>{time} exported to {peer}</source>
      <translation>{time} 导出给 {peer}</translation>
    </message>
    <message>
      <source>{time} imported from {peer}</source>
      <translation>{time} 导入 {peer} 的同步包</translation>
    </message>
    <message>
      <source>{n} records wait to be exported to the office</source>
      <translation>{n} 条记录待导出给综合执法办</translation>
    </message>
    <message>
      <source>all exported; {n} records wait for the office to confirm receipt</source>
      <translation>已全部导出，{n} 条记录待综合执法办确认收到</translation>
    </message>
    <message>
      <source>the office has every record</source>
      <translation>记录已全部交给综合执法办</translation>
    </message>
    <message>
      <source>On this laptop you sign for, handle and report back on your unit's cases (签收、处置、反馈处置结果).</source>
      <translation>在本机可以签收、处置本单位的案件并反馈处置结果；</translation>
    </message>
    <message>
      <source>On this laptop you report problems (上报问题) and verify on site (核查).</source>
      <translation>在本机可以上报问题、现场核查；</translation>
    </message>
    <message>
      <source>Triage, approvals and closing are done on the office PC; sync files carry the records to and from the office.</source>
      <translation>研判派遣、审批和结案在综合执法办电脑上办理，记录通过同步包与综合执法办交换。</translation>
    </message>
    <message>
      <source>Sync…</source>
      <translation>同步…</translation>
    </message>
    <message>
      <source>Open the sync page to export or import a sync file</source>
      <translation>打开同步页，导出或导入同步包</translation>
    </message>
    <message>
      <source>Field laptop {name} ({code}), works offline</source>
      <translation>外勤终端 {name}（{code}）· 离线使用</translation>
    </message>
    <message>
      <source>Last sync: {moment} · {waiting}</source>
      <translation>上次同步：{moment} · {waiting}</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Welcome to TownDesk</source>
      <translation>欢迎使用综合执法联动工作台</translation>
    </message>
    <message>
      <source>There is no database yet at {path}.

You can create the demo township (青石镇, {cases} cases) to try TownDesk out. To set up your own township, the administrator runs 'towndesk init --township NAME --code CODE' instead.</source>
      <translation type="vanished">还没有数据库：{path}

可以先生成演示乡镇（青石镇，{cases} 件案件）熟悉功能。正式使用时，请由管理员运行“towndesk init --township 乡镇名称 --code 编码”创建本乡镇。</translation>
    </message>
    <message>
      <source>Create the demo township</source>
      <translation type="vanished">生成演示乡镇</translation>
    </message>
    <message>
      <source>This computer has no TownDesk database yet. How will it be used?</source>
      <translation>这台电脑上还没有数据库。这台电脑将用来做什么？</translation>
    </message>
    <message>
      <source>The database will be made at {path}</source>
      <translation>数据库将建在：{path}</translation>
    </message>
    <message>
      <source>Set up our township</source>
      <translation>建立本乡镇</translation>
    </message>
    <message>
      <source>On the office PC, to start working with TownDesk: the township's name and code, the administrator's password and the starting base data.</source>
      <translation>在综合执法办的电脑上开始使用：填写乡镇名称和编码、管理员密码，选择初始基础数据。</translation>
    </message>
    <message>
      <source>Join as a field laptop</source>
      <translation>作为外业终端加入</translation>
    </message>
    <message>
      <source>On a laptop the office has enrolled: choose the enrolment file it gave you and type its password.</source>
      <translation>在综合执法办已注册的笔记本上：选择办公室给的注册文件，输入注册口令。</translation>
    </message>
    <message>
      <source>Open the demo township</source>
      <translation>打开演示乡镇</translation>
    </message>
    <message>
      <source>To try TownDesk out: 青石镇, a made-up township with {cases} cases. Not for real work.</source>
      <translation>试用软件：青石镇是虚构的乡镇，有 {cases} 件案件。不要用于实际工作。</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Creating the demo township…</source>
      <translation>正在生成演示乡镇…</translation>
    </message>
  </context>
  <context>
    <name>GridDialog</name>
    <message>
      <source>Letters and digits, up to {limit}, e.g. G20</source>
      <translation>字母或数字，最多 {limit} 位，如 G20</translation>
    </message>
    <message>
      <source>e.g. 青石村第三网格</source>
      <translation>如：青石村第三网格</translation>
    </message>
    <message>
      <source>e.g. 青石村</source>
      <translation>如：青石村</translation>
    </message>
    <message>
      <source>The groups, streets or landmarks it covers</source>
      <translation>包含的村民小组、街巷或标志性地点</translation>
    </message>
    <message>
      <source>Nobody yet</source>
      <translation>暂未指定</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>The code of a grid cannot change.</source>
      <translation>网格的编码不能修改。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Village or community</source>
      <translation>所在村（社区）</translation>
    </message>
    <message>
      <source>Area covered</source>
      <translation>区域描述</translation>
    </message>
    <message>
      <source>Grid worker</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Add a grid</source>
      <translation>新增网格</translation>
    </message>
    <message>
      <source>A new grid</source>
      <translation>新的网格</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit a grid</source>
      <translation>修改网格</translation>
    </message>
    <message>
      <source>Grid {name}</source>
      <translation>网格：{name}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>GridsTab</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Village or community</source>
      <translation>所在村（社区）</translation>
    </message>
    <message>
      <source>Area covered</source>
      <translation>区域描述</translation>
    </message>
    <message>
      <source>Grid worker</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>A deactivated grid is no longer offered when a case is registered. Its cases stay as they are; it can be reactivated later.</source>
      <translation>停用后，受理登记时不再提供这个网格；它的案件保持不变；以后可以重新启用。</translation>
    </message>
    <message>
      <source>The grid is offered again when a case is registered.</source>
      <translation>重新启用后，受理登记时又可以选择这个网格。</translation>
    </message>
  </context>
  <context>
    <name>HistoryList</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>对方设备</translation>
    </message>
    <message>
      <source>New cases</source>
      <translation>新案件</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Evidence files</source>
      <translation>证据文件</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>(inside the enrolment file)</source>
      <translation>（随注册文件交付）</translation>
    </message>
    <message>
      <source>File written {time}</source>
      <translation>同步包写入于 {time}</translation>
    </message>
  </context>
  <context>
    <name>HolidayScheduleDialog</name>
    <message>
      <source>Holiday schedule</source>
      <translation>节假日安排</translation>
    </message>
    <message>
      <source>Enter the days off and make-up working days of each festival as the State Council's notice for the year gives them. Until every festival is entered, TownDesk counts Monday to Friday as working days for that year. When 中秋节 and 国庆节 are one holiday, give both the same days.</source>
      <translation>按国务院办公厅当年的通知，逐个节日填写放假日期和调休上班日。全部节日录入之前，该年暂按周一至周五计算工作日。中秋节与国庆节连休时，两行填写相同的日期。</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Festival</source>
      <translation>节日</translation>
    </message>
    <message>
      <source>First day off</source>
      <translation>放假起</translation>
    </message>
    <message>
      <source>Last day off</source>
      <translation>放假止</translation>
    </message>
    <message>
      <source>Make-up working days</source>
      <translation>调休上班日</translation>
    </message>
    <message>
      <source>Save the schedule</source>
      <translation>保存放假安排</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>The statutory holidays of one year</source>
      <translation>一年的法定节假日安排</translation>
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <source>This photo cannot be shown: {file}</source>
      <translation>无法显示这张照片：{file}</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import sync file</source>
      <translation>导入同步包</translation>
    </message>
    <message>
      <source>Sync file from {sender}</source>
      <translation>来自 {sender} 的同步包</translation>
    </message>
    <message>
      <source>Written {time} · file {name}</source>
      <translation>写入时间 {time} · 文件 {name}</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>New cases</source>
      <translation>新案件</translation>
    </message>
    <message>
      <source>New records (steps on cases, reference data)</source>
      <translation>新记录（案件办理步骤、基础资料）</translation>
    </message>
    <message>
      <source>New evidence files</source>
      <translation>新证据文件</translation>
    </message>
    <message>
      <source>Already here (skipped)</source>
      <translation>本机已有（跳过）</translation>
    </message>
    <message>
      <source>Quarantined (differ from records here)</source>
      <translation>隔离（与本机记录不符）</translation>
    </message>
    <message>
      <source>Held back (earlier records missing)</source>
      <translation>暂缓（缺少更早的记录）</translation>
    </message>
    <message>
      <source>This sync file was imported before. Importing it again would change nothing.</source>
      <translation>这个同步包已经导入过，再次导入不会改变任何内容。</translation>
    </message>
    <message>
      <source>{n} records differ from records already here with the same number. They are kept aside (quarantined) and do not take effect; tell the administrator.</source>
      <translation>有 {n} 条记录与本机已有的同编号记录不一致，将被隔离，不会生效；请告知管理员。</translation>
    </message>
    <message>
      <source>{n} records follow records this device has not received yet. They wait; ask the sender for the earlier sync file, or for a full export.</source>
      <translation>有 {n} 条记录的前序记录本机尚未收到，暂缓导入；请对方提供更早的同步包，或导出完整同步包。</translation>
    </message>
    <message>
      <source>Nothing new: this device already has every record in the file. Importing it still records what the sender has received.</source>
      <translation>没有新内容：文件中的记录本机都已有。导入后仍会记下对方已收到哪些内容。</translation>
    </message>
  </context>
  <context>
    <name>ImportResult</name>
    <message>
      <source>Imported the sync file from {sender}: {cases} new cases, {events} new records, {evidence} new evidence files.</source>
      <translation>已导入 {sender} 的同步包：新案件 {cases} 件，新记录 {events} 条，新证据文件 {evidence} 个。</translation>
    </message>
    <message>
      <source>{n} new sync conflicts: two devices handled the same case differently while offline. Open the case and settle it.</source>
      <translation>新产生 {n} 件同步冲突：两台设备离线时对同一案件作了不同处理。请打开案件，核对后处理。</translation>
    </message>
    <message>
      <source>Cases in conflict: {numbers}</source>
      <translation>冲突案件：{numbers}</translation>
    </message>
    <message>
      <source>{n} records were quarantined and did not take effect.</source>
      <translation>{n} 条记录被隔离，未生效。</translation>
    </message>
    <message>
      <source>{n} records wait for an earlier sync file.</source>
      <translation>{n} 条记录暂缓，等待更早的同步包。</translation>
    </message>
    <message>
      <source>This sync file was imported before; nothing changed.</source>
      <translation>这个同步包已经导入过，未作任何改动。</translation>
    </message>
  </context>
  <context>
    <name>ImportedDialog</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Base data imported</source>
      <translation>基础数据已导入</translation>
    </message>
    <message>
      <source>Imported from {source}</source>
      <translation>已从“{source}”导入</translation>
    </message>
    <message>
      <source>Nothing changed</source>
      <translation>没有变化</translation>
    </message>
    <message>
      <source>The township's base data already matched {source}.</source>
      <translation>本镇的基础数据与“{source}”一致，没有需要导入的内容。</translation>
    </message>
    <message>
      <source>First passwords of the new users, shown only this once: copy or write them down now and hand each to its user. Each must be changed at the first sign-in.</source>
      <translation>以下是新用户的初始密码，只显示这一次：请现在复制或记下，分别交给本人。首次登录时必须修改。</translation>
    </message>
    <message>
      <source>Copy the passwords</source>
      <translation>复制密码</translation>
    </message>
    <message>
      <source>{sheet}: {added} added, {changed} changed</source>
      <translation>{sheet}：新增 {added}，修改 {changed}</translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message>
      <source>Register case</source>
      <translation>登记案件</translation>
    </message>
    <message>
      <source>Type to search, e.g. 占道</source>
      <translation>输入关键字查找，如“占道”</translation>
    </message>
    <message>
      <source>Type a grid, village or code</source>
      <translation>输入网格、村/社区名称或编号</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Where is it? Village, street, landmark</source>
      <translation>在哪里？村（社区）、道路、地标</translation>
    </message>
    <message>
      <source>What is the problem? Who, what, since when.</source>
      <translation>发生了什么问题？涉及谁、什么情况、从何时开始。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Latitude, e.g. 37.52</source>
      <translation>纬度，如 37.52</translation>
    </message>
    <message>
      <source>Longitude, e.g. 121.37</source>
      <translation>经度，如 121.37</translation>
    </message>
    <message>
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Save (Ctrl+Enter)</source>
      <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Category *</source>
      <translation>问题类别 *</translation>
    </message>
    <message>
      <source>Grid *</source>
      <translation>网格 *</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Description *</source>
      <translation>问题描述 *</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>反映人</translation>
    </message>
    <message>
      <source>Confidential: only clerks, supervisors and administrators see the reporter.</source>
      <translation>保密：反映人信息仅受理员、督查人员和管理员可见。</translation>
    </message>
    <message>
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>First receiver: {unit} ({name})</source>
      <translation>首接单位：{unit}（受理人 {name}）</translation>
    </message>
    <message>
      <source>“{text}” is not a number.</source>
      <translation>“{text}”不是数字。</translation>
    </message>
    <message>
      <source>“{text}” is part of {count} categories: choose one from the list.</source>
      <translation>“{text}”对应 {count} 个问题类别，请从列表中选择一个。</translation>
    </message>
    <message>
      <source>“{text}” is part of {count} grids: choose one from the list.</source>
      <translation>“{text}”对应 {count} 个网格，请从列表中选择一个。</translation>
    </message>
    <message>
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <source>Photos and PDF documents ({patterns})</source>
      <translation>照片和 PDF 文件 ({patterns})</translation>
    </message>
    <message>
      <source>Discard this case?</source>
      <translation>放弃登记？</translation>
    </message>
    <message>
      <source>What you typed has not been saved. Discard it?</source>
      <translation>已填写的内容还没有保存，确定放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>JoinDialog</name>
    <message>
      <source>Join as a field laptop</source>
      <translation>作为外业终端加入</translation>
    </message>
    <message>
      <source>Join</source>
      <translation>加入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Go to sign-in</source>
      <translation>去登录</translation>
    </message>
    <message>
      <source>The office enrols this laptop on its Sync page and gives you an enrolment file (.tdenrol) and, in person, its password. The laptop then gets the township's departments, users and the cases it may see.</source>
      <translation>综合执法办在“同步”页注册本机，交给您一个注册文件（.tdenrol），并当面告诉您注册口令。加入后，本机会得到乡镇的部门、用户和本机可以查看的案件。</translation>
    </message>
    <message>
      <source>e.g. a file on the USB stick</source>
      <translation>例如 U 盘上的文件</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>The password the office told you. It stays this laptop's device key password: you need it again to make and read sync files.</source>
      <translation>综合执法办当面告诉您的口令。它同时是本机的设备密钥口令：以后导出、导入同步包时还要用到。</translation>
    </message>
    <message>
      <source>Enrolment file</source>
      <translation>注册文件</translation>
    </message>
    <message>
      <source>Enrolment password</source>
      <translation>注册口令</translation>
    </message>
    <message>
      <source>Sign in with the user name and password the office gave you. Bring the laptop's work to the office with sync files, from the Sync page; the enrolment password is asked for then, as this laptop's device key password.</source>
      <translation>请用综合执法办给您的用户名和密码登录。本机的工作通过“同步”页的同步包带回办公室；那时会要求输入注册口令，它就是本机的设备密钥口令。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation type="vanished">密码</translation>
    </message>
    <message>
      <source>Sign in with the user name and password the office gave you. Bring the laptop's work to the office with sync files, from the Sync page.</source>
      <translation type="vanished">请用综合执法办给您的用户名和密码登录。本机的工作通过“同步”页的同步包带回办公室。</translation>
    </message>
    <message>
      <source>Choose the enrolment file</source>
      <translation>选择注册文件</translation>
    </message>
    <message>
      <source>Enrolment files ({pattern})</source>
      <translation>注册文件（{pattern}）</translation>
    </message>
    <message>
      <source>Choose the enrolment file.</source>
      <translation>请选择注册文件。</translation>
    </message>
    <message>
      <source>There is no file {path}.</source>
      <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
      <source>Type the enrolment password.</source>
      <translation>请输入注册口令。</translation>
    </message>
    <message>
      <source>This laptop is now {name} (device code {code}).</source>
      <translation>本机已成为“{name}”（设备编码 {code}）。</translation>
    </message>
    <message>
      <source>The enrolment password is wrong. Check it with the office. Nothing was created.</source>
      <translation>注册口令不正确，请向综合执法办核实。什么都没有创建。</translation>
    </message>
    <message>
      <source>{problem} Nothing was created.</source>
      <translation>{problem}什么都没有创建。</translation>
    </message>
  </context>
  <context>
    <name>ListImportDialog</name>
    <message>
      <source>, settled by {items}</source>
      <translation>，由 {items} 吸收</translation>
    </message>
    <message>
      <source>; local amendments settled by it: {settled}; still differing: {differing}</source>
      <translation>；本镇修订已被吸收：{settled}；仍不一致：{differing}</translation>
    </message>
    <message>
      <source>Import a list</source>
      <translation>导入清单</translation>
    </message>
    <message>
      <source>Import spreadsheet: {source}</source>
      <translation>导入表格：{source}</translation>
    </message>
    <message>
      <source>{columns} header columns, {rows} data rows.</source>
      <translation>表头 {columns} 列，数据 {rows} 行。</translation>
    </message>
    <message>
      <source>Import &amp;as</source>
      <translation>导入为(&amp;K)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Next: preview</source>
      <translation>下一步：预览</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Earlier versions stay in the version history; triage suggestions follow the new list from now on.</source>
      <translation>旧版本保留在版本记录中；研判建议从现在起按新清单给出。</translation>
    </message>
    <message>
      <source>Importing the list…</source>
      <translation>正在导入清单…</translation>
    </message>
    <message>
      <source>The spreadsheet has {count} problems; the list is unchanged.</source>
      <translation>表格有 {count} 处问题，清单没有改动。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Imported version {version} of the {name}, {rows} items</source>
      <translation>已导入{name}第 {version} 版，共 {rows} 项</translation>
    </message>
    <message>
      <source>On the left are the list's columns; on the right, choose the spreadsheet header for each (already matched by name; you may change them). Columns marked * are required.</source>
      <translation>左边是清单的列，右边选表格里对应的表头（已按名称自动对应，可以修改）。带 * 的列必须有。</translation>
    </message>
    <message>
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <source>(column {n}, no header)</source>
      <translation>（第 {n} 列，无表头）</translation>
    </message>
    <message>
      <source>e.g. {value}</source>
      <translation>例：{value}</translation>
    </message>
    <message>
      <source>Choose a header for the required columns: {columns}</source>
      <translation>请为必填列选择对应的表头：{columns}</translation>
    </message>
    <message>
      <source>“{a}” and “{b}” have the same header: change one of them.</source>
      <translation>“{a}”和“{b}”选了同一个表头，请改正其中一个。</translation>
    </message>
    <message>
      <source>The spreadsheet has no data rows: there is nothing to import.</source>
      <translation>表格里没有数据行，无法导入。</translation>
    </message>
    <message>
      <source>{rows} rows, {problems} problems found. Correct them in the spreadsheet and import it again; until then the {name} does not change at all.</source>
      <translation>共 {rows} 行，发现 {problems} 处问题。请在表格里改正后重新导入；问题没有改正前，{name}不会有任何改动。</translation>
    </message>
    <message>
      <source>{rows} rows, all checked and fine. Importing replaces the current {name} with them as a whole.</source>
      <translation>共 {rows} 行，全部检查通过。导入后它们整体替换现在的{name}。</translation>
    </message>
    <message>
      <source>Preview of the first {shown} rows</source>
      <translation>前 {shown} 行预览</translation>
    </message>
    <message>
      <source>Preview of all {shown} rows</source>
      <translation>全部 {shown} 行预览</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
  </context>
  <context>
    <name>ListTable</name>
    <message>
      <source>{category}: {lead} leads (case {case}, {time})</source>
      <translation>{category}：由{lead}牵头（案件 {case}，{time}）</translation>
    </message>
    <message>
      <source>Local amendment</source>
      <translation>本镇修订</translation>
    </message>
    <message>
      <source>No {name} has been imported yet. An administrator can import it from an Excel or CSV spreadsheet with “Import…”.</source>
      <translation>还没有导入{name}。管理员可点“导入…”，从 Excel 或 CSV 表格导入。</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本记录</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Changed by</source>
      <translation>修改人</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>项数</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>(no items)</source>
      <translation>（没有条目）</translation>
    </message>
    <message>
      <source>Version {n}</source>
      <translation>第 {n} 版</translation>
    </message>
    <message>
      <source>No versions yet: the first import is version 1.</source>
      <translation>还没有版本：第一次导入即为第 1 版。</translation>
    </message>
    <message>
      <source>Select a row to see all of it here.</source>
      <translation>选中一行，这里显示它的全部内容。</translation>
    </message>
    <message>
      <source>Item {no} {name}</source>
      <translation>第{no}项 {name}</translation>
    </message>
  </context>
  <context>
    <name>ListsPage</name>
    <message>
      <source>Local amendments</source>
      <translation>本镇修订</translation>
    </message>
    <message>
      <source>Three lists</source>
      <translation>三张清单</translation>
    </message>
    <message>
      <source>Search the three lists: type two or more characters, e.g. 占道经营</source>
      <translation>搜索三张清单：输入两个以上的字，如 占道经营</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Import the list shown from an Excel (.xlsx) or CSV spreadsheet</source>
      <translation>从 Excel（.xlsx）或 CSV 表格导入当前清单</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Export the list shown as an Excel spreadsheet (.xlsx)</source>
      <translation>把当前清单导出为 Excel 表格（.xlsx）</translation>
    </message>
    <message>
      <source>Administrators import and maintain the lists; here you can read, search and export them.</source>
      <translation>清单由管理员导入和维护；这里可以查看、搜索和导出。</translation>
    </message>
    <message>
      <source>List</source>
      <translation>清单</translation>
    </message>
    <message>
      <source>Code / No.</source>
      <translation>编码 / 序号</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Enter or double-click: go to this row in its list</source>
      <translation>回车或双击：跳到清单中的这一行</translation>
    </message>
    <message>
      <source>Overrides</source>
      <translation>改派统计</translation>
    </message>
    <message>
      <source>How often triage did not route as the lists suggest, per matter (most overridden first). A matter that is often overridden suggests the duty boundary list may need correcting; the reasons are those clerks gave when overriding.</source>
      <translation>研判时没有按清单建议分拨的次数，按事项统计（改派最多的在前）。某个事项经常被改派，说明职责边界清单可能需要修正；理由是受理员改派时写下的。</translation>
    </message>
    <message>
      <source>Matter code</source>
      <translation>事项编码</translation>
    </message>
    <message>
      <source>Matter</source>
      <translation>事项名称</translation>
    </message>
    <message>
      <source>Suggested</source>
      <translation>有建议</translation>
    </message>
    <message>
      <source>Overridden</source>
      <translation>改派</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>改派比例</translation>
    </message>
    <message>
      <source>Latest reasons</source>
      <translation>最近的改派理由</translation>
    </message>
    <message>
      <source>No case has been triaged with a suggestion from the lists yet.</source>
      <translation>还没有按清单建议研判过的案件。</translation>
    </message>
    <message>
      <source>Type at least two characters.</source>
      <translation>请输入至少两个字。</translation>
    </message>
    <message>
      <source>{count} found: press Enter or double-click to go to the row in its list.</source>
      <translation>找到 {count} 条：回车或双击跳到清单中的这一行。</translation>
    </message>
    <message>
      <source>“{query}” is not in the three lists.</source>
      <translation>三张清单里没有“{query}”。</translation>
    </message>
    <message>
      <source>Choose the list spreadsheet to import</source>
      <translation>选择要导入的清单表格</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xlsm *.csv)</source>
      <translation>表格 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
      <source>Reading the spreadsheet…</source>
      <translation>正在读取表格…</translation>
    </message>
    <message>
      <source>Export list</source>
      <translation>导出清单</translation>
    </message>
    <message>
      <source>Excel spreadsheets (*.xlsx)</source>
      <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exported the {name} ({rows} items): {path}</source>
      <translation>已导出{name}（{rows} 项）：{path}</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>TownDesk — {township}</source>
      <translation>乡镇综合执法联动工作台 — {township}</translation>
    </message>
    <message>
      <source>Workbench</source>
      <translation>工作台</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <source>Call response</source>
      <translation>呼叫响应</translation>
    </message>
    <message>
      <source>Overdue watch</source>
      <translation>督查督办</translation>
    </message>
    <message>
      <source>Three lists</source>
      <translation>三张清单</translation>
    </message>
    <message>
      <source>Duty disputes</source>
      <translation>职责争议</translation>
    </message>
    <message>
      <source>Joint meetings</source>
      <translation>联席会议</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Base data</source>
      <translation>基础数据</translation>
    </message>
    <message>
      <source>Comprehensive Enforcement Desk</source>
      <translation>综合执法联动工作台</translation>
    </message>
    <message>
      <source>Account: change password, switch user, sign out</source>
      <translation>账户：修改密码、切换用户、退出登录</translation>
    </message>
    <message>
      <source>Change password…</source>
      <translation>修改密码…</translation>
    </message>
    <message>
      <source>Switch user</source>
      <translation>切换用户</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Database: {path}</source>
      <translation>数据库：{path}</translation>
    </message>
    <message>
      <source>{count} cases in total</source>
      <translation>案件总数 {count} 件</translation>
    </message>
    <message>
      <source>A {role} does not register cases.</source>
      <translation>{role}不能登记案件。</translation>
    </message>
    <message>
      <source>Case {number} registered.</source>
      <translation>已登记案件 {number}。</translation>
    </message>
    <message>
      <source>Case {number}: {status}.</source>
      <translation>案件 {number}：{status}。</translation>
    </message>
    <message>
      <source>Holiday schedule saved; deadlines of {count} open cases recounted.</source>
      <translation>节假日安排已保存，{count} 件在办案件的期限已重新计算。</translation>
    </message>
    <message>
      <source>Your password was changed.</source>
      <translation>密码已修改。</translation>
    </message>
  </context>
  <context>
    <name>MarkDoneDialog</name>
    <message>
      <source>Decision {meeting}-{position} done</source>
      <translation>第 {meeting} 次联席会议第 {position} 项决议的落实情况</translation>
    </message>
    <message>
      <source>Decision {position} of joint meeting no. {meeting}: {text}
Owner unit: {owner} · deadline {deadline}</source>
      <translation>第 {meeting} 次联席会议第 {position} 项决议：{text}
责任单位：{owner} · 完成期限 {deadline}</translation>
    </message>
    <message>
      <source>How it was carried out, e.g. 已完成联合检查，整改到位（附检查记录）</source>
      <translation>落实情况，如：已完成联合检查，整改到位（附检查记录）</translation>
    </message>
    <message>
      <source>&amp;Carried out</source>
      <translation>落实情况(&amp;C)</translation>
    </message>
    <message>
      <source>Mark done</source>
      <translation>标记为已落实</translation>
    </message>
  </context>
  <context>
    <name>MeetingDetail</name>
    <message>
      <source>What a meeting would take up today</source>
      <translation>如果今天开会，要研究的事项</translation>
    </message>
    <message>
      <source>Proposed from the data ({count} items). A new meeting starts from this list; “Print agenda…” saves it as a draft to circulate.</source>
      <translation>根据案件数据提出（共 {count} 项）。新建联席会议时以此为议程初稿；点“打印议程…”可保存为征求意见稿。</translation>
    </message>
    <message>
      <source>Proposed agenda</source>
      <translation>建议议程</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>主持人</translation>
    </message>
    <message>
      <source>Attending units</source>
      <translation>参会单位</translation>
    </message>
    <message>
      <source>Agenda ({count} items)</source>
      <translation>议程（{count} 项）</translation>
    </message>
    <message>
      <source>No item on the agenda. Choose “Edit agenda…” to add one.</source>
      <translation>议程还没有议题。点“修改议程…”添加。</translation>
    </message>
    <message>
      <source>No item on the agenda.</source>
      <translation>议程还没有议题。</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>会议纪要</translation>
    </message>
    <message>
      <source>Recorded {time}</source>
      <translation>录入时间：{time}</translation>
    </message>
    <message>
      <source>Decisions ({count})</source>
      <translation>决议（{count} 项）</translation>
    </message>
    <message>
      <source>The meeting made no decision to carry out.</source>
      <translation>会议没有形成需要落实的决议。</translation>
    </message>
    <message>
      <source>Duty disputes settled</source>
      <translation>裁定的职责争议</translation>
    </message>
    <message>
      <source>Owner unit: {owner} · deadline {deadline}</source>
      <translation>责任单位：{owner} · 完成期限 {deadline}</translation>
    </message>
    <message>
      <source>done {day}: {note}</source>
      <translation>{day} 已落实：{note}</translation>
    </message>
    <message>
      <source>not done, {days} days late</source>
      <translation>未落实，已超期 {days} 天</translation>
    </message>
    <message>
      <source>not done yet</source>
      <translation>尚未落实</translation>
    </message>
    <message>
      <source>Decision {position}: case {case} ({category}), returned by {unit} as not its duty. Ruled: {lead} leads, {units} cooperate.</source>
      <translation>第 {position} 项决议：案件 {case}（{category}），{unit}以不属于本单位职责回退。裁定：{lead}牵头，{units}配合。</translation>
    </message>
    <message>
      <source>Decision {position}: case {case} ({category}), returned by {unit} as not its duty. Ruled: {lead} leads.</source>
      <translation>第 {position} 项决议：案件 {case}（{category}），{unit}以不属于本单位职责回退。裁定：{lead}牵头。</translation>
    </message>
    <message>
      <source>The boundary list entry {name} ({item}) was amended: version {version}.</source>
      <translation>职责边界清单“{name}”（{item}）已修改，生成第 {version} 版。</translation>
    </message>
    <message>
      <source>A local amendment of the boundary list entry {name} ({item}) was recorded, for the establishment office.</source>
      <translation>对职责边界清单“{name}”（{item}）作本镇修订，报区编办审定。</translation>
    </message>
    <message>
      <source>The boundary list was not changed.</source>
      <translation>职责边界清单未修改。</translation>
    </message>
  </context>
  <context>
    <name>MeetingDialog</name>
    <message>
      <source>New joint meeting</source>
      <translation>新建联席会议</translation>
    </message>
    <message>
      <source>e.g. 镇政府三楼会议室</source>
      <translation>如：镇政府三楼会议室</translation>
    </message>
    <message>
      <source>e.g. 分管副镇长 刘建军</source>
      <translation>如：分管副镇长 刘建军</translation>
    </message>
    <message>
      <source>&amp;Time</source>
      <translation>会议时间(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Place</source>
      <translation>会议地点(&amp;P)</translation>
    </message>
    <message>
      <source>C&amp;hair</source>
      <translation>主持人(&amp;H)</translation>
    </message>
    <message>
      <source>Attending units</source>
      <translation>参会单位</translation>
    </message>
    <message>
      <source>No member units are set yet: tick the units to invite (“Member units…” on the page sets them for every meeting).</source>
      <translation>还没有设置成员单位：请勾选要通知参会的单位（在页面上点“成员单位…”可设置每次会议的固定成员单位）。</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>安排会议</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>议程</translation>
    </message>
    <message>
      <source>Proposed from the data: undecided duty disputes first, then cases supervised again and again, long overdue or across departments. Untick what this meeting will not take up. The disputes on the agenda are sent to this meeting.</source>
      <translation>根据案件数据提出：先列待裁定的职责争议，再列多次督办、长期超期和跨部门的案件。本次会议不研究的，取消勾选即可。列入议程的职责争议将提交本次会议。</translation>
    </message>
  </context>
  <context>
    <name>MeetingList</name>
    <message>
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>议程</translation>
    </message>
    <message>
      <source>No. {number}</source>
      <translation>第 {number} 次</translation>
    </message>
    <message>
      <source>{count} items</source>
      <translation>{count} 项</translation>
    </message>
  </context>
  <context>
    <name>MeetingsPage</name>
    <message>
      <source>&amp;Mark done…</source>
      <translation>标记已落实(&amp;M)…</translation>
    </message>
    <message>
      <source>The owner unit carried the selected decision out</source>
      <translation>责任单位已落实选中的决议</translation>
    </message>
    <message>
      <source>Decisions to carry out</source>
      <translation>待落实的决议</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>No joint meeting yet. Name the member units with “Member units…”, then choose “New meeting…”: the agenda is proposed from undecided duty disputes and from supervised, long-overdue and cross-department cases.</source>
      <translation>还没有召开过联席会议。先点“成员单位…”设置成员单位，再点“新建会议…”：议程根据待裁定的职责争议和多次督办、长期超期、跨部门的案件提出。</translation>
    </message>
    <message>
      <source>No joint meeting yet. The enforcement office or the leader schedules joint meetings; their agendas, minutes and decisions will appear here.</source>
      <translation>还没有召开过联席会议。联席会议由综合执法办或分管领导安排，会议的议程、纪要和决议会显示在这里。</translation>
    </message>
    <message>
      <source>{count} open, {late} overdue</source>
      <translation>{count} 项待落实，{late} 项已超期</translation>
    </message>
    <message>
      <source>No decision waiting to be carried out.</source>
      <translation>没有待落实的决议。</translation>
    </message>
    <message>
      <source>The decisions of a meeting's minutes are tracked here until done.</source>
      <translation>会议纪要中的决议在这里跟踪，直到落实完成。</translation>
    </message>
    <message>
      <source>&amp;Edit agenda…</source>
      <translation>修改议程(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Record minutes…</source>
      <translation>录入纪要(&amp;R)…</translation>
    </message>
    <message>
      <source>Print &amp;agenda…</source>
      <translation>打印议程(&amp;A)…</translation>
    </message>
    <message>
      <source>Print m&amp;inutes…</source>
      <translation>打印纪要(&amp;I)…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>保存为 PDF…</translation>
    </message>
    <message>
      <source>Save the agenda as a PDF to print and hand out</source>
      <translation>把议程保存为 PDF，打印分发</translation>
    </message>
    <message>
      <source>Save today's proposed agenda as a draft PDF</source>
      <translation>把当前的建议议程保存为 PDF 征求意见稿</translation>
    </message>
    <message>
      <source>On a field laptop joint meetings are read and printed; they are scheduled and minuted on the office PC.</source>
      <translation>外勤终端上只能查看和打印联席会议；安排会议、录入纪要请在综合执法办电脑上进行。</translation>
    </message>
    <message>
      <source>Joint meetings are scheduled and minuted by the enforcement office (clerk, administrator) or the leader; here you can read and print them.</source>
      <translation>联席会议由综合执法办（受理员、管理员）或分管领导安排并录入纪要；这里可以查看和打印。</translation>
    </message>
    <message>
      <source>The minutes can be recorded once the meeting has been held ({time}).</source>
      <translation>会议召开（{time}）后才能录入纪要。</translation>
    </message>
    <message>
      <source>The meeting time has passed: record its minutes and decisions.</source>
      <translation>会议时间已过：请录入会议纪要和决议。</translation>
    </message>
    <message>
      <source>Joint meetings</source>
      <translation>联席会议</translation>
    </message>
    <message>
      <source>&amp;New meeting…</source>
      <translation>新建会议(&amp;N)…</translation>
    </message>
    <message>
      <source>Schedule the next joint meeting, with the agenda proposed from the data</source>
      <translation>安排下一次联席会议，议程根据案件数据提出</translation>
    </message>
    <message>
      <source>Member &amp;units…</source>
      <translation>成员单位(&amp;U)…</translation>
    </message>
    <message>
      <source>{count} meetings, {waiting} not yet minuted</source>
      <translation>共 {count} 次会议，{waiting} 次待录入纪要</translation>
    </message>
    <message>
      <source>{count} meetings</source>
      <translation>共 {count} 次会议</translation>
    </message>
    <message>
      <source>Member units ({count}): {units}</source>
      <translation>成员单位（{count} 个）：{units}</translation>
    </message>
    <message>
      <source>No member units set yet: choose “Member units…” to name them.</source>
      <translation>还没有设置成员单位：点“成员单位…”设置。</translation>
    </message>
    <message>
      <source>No member units set yet.</source>
      <translation>还没有设置成员单位。</translation>
    </message>
    <message>
      <source>Member units saved: {units}.</source>
      <translation>已保存成员单位：{units}。</translation>
    </message>
    <message>
      <source>Agenda of {meeting} saved: {count} items.</source>
      <translation>已保存{meeting}的议程，共 {count} 项。</translation>
    </message>
    <message>
      <source>Decision {meeting}-{position} marked done.</source>
      <translation>第 {meeting} 次联席会议第 {position} 项决议已标记为落实。</translation>
    </message>
    <message>
      <source>{meeting} scheduled for {time}, {count} agenda items.</source>
      <translation>已安排{meeting}，时间 {time}，议题 {count} 项。</translation>
    </message>
    <message>
      <source>Minutes of {meeting} recorded: {count} decisions.</source>
      <translation>已录入{meeting}纪要，决议 {count} 项。</translation>
    </message>
    <message>
      <source>{settled} duty disputes settled.</source>
      <translation>裁定职责争议 {settled} 件。</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>已召开</translation>
    </message>
    <message>
      <source>Minutes to record</source>
      <translation>待录入纪要</translation>
    </message>
    <message>
      <source>To be held</source>
      <translation>待召开</translation>
    </message>
    <message>
      <source>Joint meeting no. {number}</source>
      <translation>第 {number} 次联席会议</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>{time} ({weekday})</source>
      <translation>{time}（{weekday}）</translation>
    </message>
  </context>
  <context>
    <name>MembersDialog</name>
    <message>
      <source>Member units of the joint meeting</source>
      <translation>联席会议成员单位</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>The member units are invited to every joint meeting: a new meeting starts with them as its attending units.</source>
      <translation>每次联席会议都通知成员单位参加：新建会议时，参会单位默认为全体成员单位。</translation>
    </message>
  </context>
  <context>
    <name>MergeForm</name>
    <message>
      <source>Number of the case it duplicates</source>
      <translation>与之重复的案件编号</translation>
    </message>
    <message>
      <source>Merge into case</source>
      <translation>合并到案件</translation>
    </message>
  </context>
  <context>
    <name>MinutesDialog</name>
    <message>
      <source>Minutes · {meeting}</source>
      <translation>会议纪要 · {meeting}</translation>
    </message>
    <message>
      <source>{meeting}, {time}, {place}, chaired by {chair}. The minutes are recorded once and cannot be changed afterwards: read them through before you record them.</source>
      <translation>{meeting}，{time}，{place}，{chair}主持。纪要只能录入一次，录入后不能修改：请核对无误后再录入。</translation>
    </message>
    <message>
      <source>What the meeting discussed and agreed, item by item</source>
      <translation>会议研究和议定的事项，逐项写明</translation>
    </message>
    <message>
      <source>&amp;Summary</source>
      <translation>主要内容(&amp;S)</translation>
    </message>
    <message>
      <source>Attending units</source>
      <translation>参会单位</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>决议</translation>
    </message>
    <message>
      <source>No decision yet. Add one for each thing a unit must carry out by a deadline; a meeting may also end without any.</source>
      <translation>还没有决议。需要某个单位在期限内落实的事项，每项添加一条决议；会议也可以不形成决议。</translation>
    </message>
    <message>
      <source>&amp;Add decision</source>
      <translation>添加决议(&amp;A)</translation>
    </message>
    <message>
      <source>Record minutes</source>
      <translation>录入纪要</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>{case} {category} (returned by {unit})</source>
      <translation>{case} {category}（{unit}回退）</translation>
    </message>
  </context>
  <context>
    <name>OutcomeForm</name>
    <message>
      <source>Outcome</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>e.g. A case was opened for investigation, decision no. …; or why no case was opened</source>
      <translation>例如：已立案侦查，立案决定书编号……；或不予立案的理由</translation>
    </message>
    <message>
      <source>e.g. Accepted, acceptance notice no. …; or why it was not accepted</source>
      <translation>例如：已受理，受理通知书编号……；或不予受理的理由</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>ParkForm</name>
    <message>
      <source>e.g. seasonal work, waiting for the spring</source>
      <translation>如：季节性施工，需等到开春</translation>
    </message>
    <message>
      <source>Parked until</source>
      <translation>挂账至</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
  </context>
  <context>
    <name>PasswordField</name>
    <message>
      <source>At least {count} characters</source>
      <translation>至少 {count} 个字符</translation>
    </message>
    <message>
      <source>Make one</source>
      <translation>随机生成</translation>
    </message>
    <message>
      <source>Fill in a random password that is easy to read out</source>
      <translation>填入一个便于念读的随机密码</translation>
    </message>
  </context>
  <context>
    <name>PhotoRow</name>
    <message>
      <source>No photos</source>
      <translation>无照片</translation>
    </message>
    <message>
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Choose photos</source>
      <translation>选择照片</translation>
    </message>
    <message>
      <source>Photos and PDF documents ({patterns})</source>
      <translation>照片和 PDF 文件 ({patterns})</translation>
    </message>
    <message>
      <source>{count} photos: {names}</source>
      <translation>{count} 张照片：{names}</translation>
    </message>
  </context>
  <context>
    <name>Materials</name>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Kind of material</source>
      <translation>材料类别</translation>
    </message>
    <message>
      <source>Attach files…</source>
      <translation>附加文件…</translation>
    </message>
    <message>
      <source>An investigation report and a list of items involved are required</source>
      <translation>须附调查报告和涉案物品清单</translation>
    </message>
    <message>
      <source>Not attached</source>
      <translation>不附</translation>
    </message>
    <message>
      <source>Choose the materials</source>
      <translation>选择移送材料</translation>
    </message>
    <message>
      <source>Photos and PDF documents ({patterns})</source>
      <translation>照片和 PDF 文件 ({patterns})</translation>
    </message>
  </context>
  <context>
    <name>PoliceApproveForm</name>
    <message>
      <source>{offence} · asked by {who} · {count} materials</source>
      <translation>{offence} · 申请人 {who} · 材料 {count} 份</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>移送申请</translation>
    </message>
    <message>
      <source>Transfer to</source>
      <translation>移送至</translation>
    </message>
    <message>
      <source>Copy to</source>
      <translation>抄送</translation>
    </message>
  </context>
  <context>
    <name>PoliceRequestForm</name>
    <message>
      <source>e.g. 涉嫌非法经营罪</source>
      <translation>如：涉嫌非法经营罪</translation>
    </message>
    <message>
      <source>e.g. The illegal turnover exceeds 50,000 yuan, which meets the prosecution threshold (price appraisal attached)</source>
      <translation>例如：非法经营数额已达五万元以上，达到立案追诉标准（附价格认定书）</translation>
    </message>
    <message>
      <source>The facts found: when, where, who, what was seized</source>
      <translation>查明的违法事实：时间、地点、人员、查扣物品</translation>
    </message>
    <message>
      <source>Suspected offence</source>
      <translation>涉嫌罪名</translation>
    </message>
    <message>
      <source>Prosecution threshold</source>
      <translation>达到追诉标准的事实</translation>
    </message>
    <message>
      <source>Facts</source>
      <translation>违法事实</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>移送材料</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>Save the PDF</source>
      <translation>保存 PDF</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Print: {title}</source>
      <translation>打印：{title}</translation>
    </message>
    <message>
      <source>No printer</source>
      <translation>没有打印机</translation>
    </message>
    <message>
      <source>No printer is installed on this computer. Save the document as a PDF and print it from a computer with a printer?</source>
      <translation>这台电脑没有安装打印机。要先保存为 PDF，再到有打印机的电脑上打印吗？</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>保存为 PDF…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>PDF saved</source>
      <translation>PDF 已保存</translation>
    </message>
    <message>
      <source>No program to open PDF files was found; the file is saved at {path}</source>
      <translation>未找到可以打开 PDF 的程序，文件已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>ProblemsDialog</name>
    <message>
      <source>Nothing was imported</source>
      <translation>没有导入</translation>
    </message>
    <message>
      <source>{source} has {count} problems. Nothing was imported: fix them in the workbook and import it again.</source>
      <translation>“{source}”有 {count} 处问题，什么都没有导入。请改正后再导入。</translation>
    </message>
    <message>
      <source>The workbook was not imported</source>
      <translation>基础数据表没有导入</translation>
    </message>
  </context>
  <context>
    <name>ProfileDialog</name>
    <message>
      <source>The township people's government holds the enforcement powers; documents are issued in its name, e.g. 青石镇人民政府.</source>
      <translation>执法权属于镇人民政府，文书以它的名义制发，如：青石镇人民政府。</translation>
    </message>
    <message>
      <source>e.g. 青石镇政府路 8 号</source>
      <translation>如：青石镇政府路 8 号</translation>
    </message>
    <message>
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <source>Set when TownDesk was set up.</source>
      <translation>在初次设置时确定。</translation>
    </message>
    <message>
      <source>Issuing authority</source>
      <translation>执法主体</translation>
    </message>
    <message>
      <source>Printed on call slips, transfer letters and notices.</source>
      <translation>作为执法主体印在呼叫单、移送函和督办单的落款处。</translation>
    </message>
    <message>
      <source>Office address</source>
      <translation>办公地址</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Township profile</source>
      <translation>乡镇信息</translation>
    </message>
    <message>
      <source>The township as its documents name it</source>
      <translation>文书上使用的乡镇信息</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Not named</source>
      <translation>不设定</translation>
    </message>
    <message>
      <source>Principal leader</source>
      <translation>主要负责人</translation>
    </message>
    <message>
      <source>Acting for them</source>
      <translation>主持工作的负责人</translation>
    </message>
    <message>
      <source>Only they approve or refuse a transfer to the police; while none is named, any leader may.</source>
      <translation>移送公安由其审批（《行政执法机关移送涉嫌犯罪案件的规定》第五条）；未设定时任一领导均可审批。</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>ReasonForm</name>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
  </context>
  <context>
    <name>ReceiptForm</name>
    <message>
      <source>Who signed the receipt for the receiving unit, e.g. 张警官</source>
      <translation>接收单位在回执上签收的人，如 张警官</translation>
    </message>
    <message>
      <source>Optional: receipt number, time of signing, etc.</source>
      <translation>可选：回执编号、签收时间等</translation>
    </message>
    <message>
      <source>Receipt signed by</source>
      <translation>回执签收人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>RecordTab</name>
    <message>
      <source>Enter or double-click: edit</source>
      <translation>回车或双击：修改</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Deactivate…</source>
      <translation>停用…</translation>
    </message>
    <message>
      <source>Reactivate…</source>
      <translation>重新启用…</translation>
    </message>
    <message>
      <source>Deactivated: {name}</source>
      <translation>已停用：{name}</translation>
    </message>
    <message>
      <source>Saved: {name}</source>
      <translation>已保存：{name}</translation>
    </message>
    <message>
      <source>Deactivate {what}?</source>
      <translation>停用{what}？</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Reactivate {what}?</source>
      <translation>重新启用{what}？</translation>
    </message>
    <message>
      <source>Reactivate</source>
      <translation>重新启用</translation>
    </message>
  </context>
  <context>
    <name>ReferDialog</name>
    <message>
      <source>Refer to a joint meeting · case {number}</source>
      <translation>提交联席会议 · 案件 {number}</translation>
    </message>
    <message>
      <source>Which joint meeting's agenda should take the duty dispute {unit} raised on case {number} ({category})? Once the meeting's decisions are recorded, the dispute is ruled on by them.</source>
      <translation>把{unit}对案件 {number}（{category}）的职责争议列入哪次联席会议的议题？会议的决议记录后，争议即按决议裁定。</translation>
    </message>
    <message>
      <source>Joint &amp;meeting</source>
      <translation>联席会议(&amp;M)</translation>
    </message>
    <message>
      <source>Refer</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Joint meeting no. {number} · {time}</source>
      <translation>第 {number} 次联席会议 · {time}</translation>
    </message>
  </context>
  <context>
    <name>RefusalPanel</name>
    <message>
      <source>The office refused a sync file from this laptop ({file}, {when})</source>
      <translation>办公室拒收了本终端的同步文件（{file}，{when}）</translation>
    </message>
    <message>
      <source>A new file for the office has been written since: waiting for the office to import it.</source>
      <translation>此后已为办公室生成新的同步文件，正在等待办公室导入。</translation>
    </message>
    <message>
      <source>Refused files: these laptops' work has not reached the office</source>
      <translation>被拒收的同步文件：以下终端的工作尚未到达办公室</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Hand it to {name} in person. Their old password stops working at once, and they must choose their own at the next sign-in.</source>
      <translation>请当面交给{name}。原密码立即失效，下次登录时须改为自己的密码。</translation>
    </message>
    <message>
      <source>Reset password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>A new password for {name} ({username})</source>
      <translation>为{name}（{username}）设置新密码</translation>
    </message>
  </context>
  <context>
    <name>ReturnForm</name>
    <message>
      <source>Not our unit's duty (raise a duty dispute)</source>
      <translation>不属于本单位职责（提出职责争议）</translation>
    </message>
    <message>
      <source>The enforcement office rules by the duty boundary list, or the joint meeting decides</source>
      <translation>由综合执法办依据职责边界清单裁定，或提交联席会议决定</translation>
    </message>
    <message>
      <source>Matter codes of other list items; separate several with commas</source>
      <translation>清单中其他条目的事项编码，多个用顿号分隔</translation>
    </message>
    <message>
      <source>Matter codes, e.g. QS-XZCF-018; separate several with commas</source>
      <translation>事项编码，如 QS-XZCF-018，多个用顿号分隔</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>List items cited</source>
      <translation>引用的清单条目</translation>
    </message>
    <message>
      <source>Why it is not your unit's duty, which unit should handle it, and under which rule</source>
      <translation>为什么不属于本单位职责，应由哪个单位办理，依据哪条规定</translation>
    </message>
    <message>
      <source>e.g. Dispatched to the wrong unit; it is for … to handle</source>
      <translation>例如：派错单位，应由……办理</translation>
    </message>
    <message>
      <source>Boundary list item {no} {code} {name}: {lead} leads</source>
      <translation>边界清单第{no}项 {code} {name}：{lead}牵头</translation>
    </message>
    <message>
      <source>Power &amp; responsibility list {code} {name}: {unit}</source>
      <translation>权责清单 {code} {name}：{unit}</translation>
    </message>
  </context>
  <context>
    <name>RevokeDialog</name>
    <message>
      <source>Revoke a device</source>
      <translation>注销设备</translation>
    </message>
    <message>
      <source>Revoke {device} ({kind})?</source>
      <translation>确定注销 {device}（{kind}）吗？</translation>
    </message>
    <message>
      <source>Do this for a lost, stolen or retired laptop. From now on its sync files are refused, and records it made beyond what the office already holds are never accepted. Revoking cannot be undone: to use the laptop again, enrol it anew.</source>
      <translation>用于丢失、被盗或停用的终端。注销后，它的同步包一律拒收，综合执法办尚未收到的该终端记录也不再接受。注销不能撤销：如要再用这台终端，需重新注册。</translation>
    </message>
    <message>
      <source>e.g. laptop lost on 3 March</source>
      <translation>如：3月3日终端丢失</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Revoke the device</source>
      <translation>注销设备</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Say why the device is revoked.</source>
      <translation>请写明注销原因。</translation>
    </message>
  </context>
  <context>
    <name>RouteForm</name>
    <message>
      <source>e.g. Checked on site: unlicensed business, for the market supervision office to deal with</source>
      <translation>例如：现场核实后属无照经营，由市场监管所查处</translation>
    </message>
    <message>
      <source>Override reason</source>
      <translation>改派理由</translation>
    </message>
    <message>
      <source>This is not what the lists suggest: give the override reason. It is kept with the case and used to correct the lists.</source>
      <translation>与清单建议不同：请写明改派理由，它会记入案件并用于修正清单。</translation>
    </message>
  </context>
  <context>
    <name>SelfTest</name>
    <message>
      <source>The Chinese translation (towndesk_zh_CN.qm) is missing.</source>
      <translation>缺少中文翻译文件（towndesk_zh_CN.qm）。</translation>
    </message>
    <message>
      <source>Qt's own Chinese translation (qtbase_zh_CN.qm) is missing.</source>
      <translation>缺少 Qt 自带的中文翻译（qtbase_zh_CN.qm）。</translation>
    </message>
    <message>
      <source>No font for Chinese text is installed.</source>
      <translation>系统没有安装中文字体。</translation>
    </message>
    <message>
      <source>The charts could not be loaded: {error}</source>
      <translation>图表组件无法加载：{error}</translation>
    </message>
    <message>
      <source>The database is damaged: {result}</source>
      <translation>数据库已损坏：{result}</translation>
    </message>
    <message>
      <source>The database has no users.</source>
      <translation>数据库中没有用户。</translation>
    </message>
    <message>
      <source>The window could not be built: {error}</source>
      <translation>无法创建主窗口：{error}</translation>
    </message>
    <message>
      <source>The window rendered as a blank picture.</source>
      <translation>主窗口显示为空白。</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>The new language applies after TownDesk restarts.</source>
      <translation>新的语言在重新启动程序后生效。</translation>
    </message>
    <message>
      <source>Rebuild data</source>
      <translation>重建数据</translation>
    </message>
    <message>
      <source>Rebuilds every list from the event log. Use it only when the administrator or support asks for it; the event log itself is never changed.</source>
      <translation>根据事件日志重新生成所有列表。仅在管理员或技术支持要求时使用；事件日志本身不会被修改。</translation>
    </message>
    <message>
      <source>Only an administrator can rebuild the data.</source>
      <translation>只有管理员可以重建数据。</translation>
    </message>
    <message>
      <source>Holiday schedule…</source>
      <translation>节假日安排…</translation>
    </message>
    <message>
      <source>Each November the State Council publishes next year's holidays; enter them here so that deadlines skip the days off and count the make-up working days.</source>
      <translation>国务院办公厅每年 11 月前后公布下一年的放假安排；在此录入后，期限会跳过放假日并计入调休上班日。</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Working calendar</source>
      <translation>工作日历</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>维护</translation>
    </message>
    <message>
      <source>Language saved. It applies after TownDesk restarts.</source>
      <translation>语言设置已保存，重新启动程序后生效。</translation>
    </message>
    <message>
      <source>Rebuild cancelled; nothing was changed.</source>
      <translation>已取消重建，数据没有变化。</translation>
    </message>
    <message>
      <source>Data rebuilt from {count} events.</source>
      <translation>已根据 {count} 条事件重建数据。</translation>
    </message>
    <message>
      <source>Rebuilding data from the event log…</source>
      <translation>正在根据事件日志重建数据…</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>Set up our township</source>
      <translation>建立本乡镇</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Create the township</source>
      <translation>创建乡镇</translation>
    </message>
    <message>
      <source>Go to sign-in</source>
      <translation>去登录</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Creating the township…</source>
      <translation>正在创建乡镇……</translation>
    </message>
    <message>
      <source>{problem} Nothing was created.</source>
      <translation>{problem}什么都没有创建。</translation>
    </message>
    <message>
      <source>Cancelled. Nothing was created.</source>
      <translation>已取消，什么都没有创建。</translation>
    </message>
    <message>
      <source>The township was not created; nothing was left half-made.</source>
      <translation>乡镇没有建成，也没有留下做了一半的文件。</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Sign in — TownDesk</source>
      <translation>登录 — 乡镇综合执法联动工作台</translation>
    </message>
    <message>
      <source>Comprehensive Enforcement Desk</source>
      <translation>综合执法联动工作台</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
  </context>
  <context>
    <name>StatCard</name>
    <message>
      <source>Show these cases</source>
      <translation>查看这些案件</translation>
    </message>
  </context>
  <context>
    <name>StatisticsCharts</name>
    <message>
      <source>Received</source>
      <translation>受理量</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>结案数</translation>
    </message>
    <message>
      <source>Cases received and closed by month</source>
      <translation>近12个月受理量与结案数</translation>
    </message>
    <message>
      <source>On-time closure by unit (%)</source>
      <translation>各单位按期结案率（%）</translation>
    </message>
    <message>
      <source>Mean response of district departments (minutes)</source>
      <translation>区直部门平均响应（分钟）</translation>
    </message>
    <message>
      <source>Received by route</source>
      <translation>按处置方式受理量</translation>
    </message>
    <message>
      <source>Received by source</source>
      <translation>按来源受理量</translation>
    </message>
    <message>
      <source>Top problem categories (received)</source>
      <translation>高发问题类别（受理量前10）</translation>
    </message>
  </context>
  <context>
    <name>StatisticsPage</name>
    <message>
      <source>Assessment weights…</source>
      <translation>考核权重…</translation>
    </message>
    <message>
      <source>How much each rate counts in a unit&apos;s score</source>
      <translation>各项比率在单位考核得分中所占的权重</translation>
    </message>
    <message>
      <source>Assessment weights saved</source>
      <translation>考核权重已保存</translation>
    </message>
    <message>
      <source>Save the monthly bulletin</source>
      <translation>保存月度通报</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;Excel (*.xlsx)</source>
      <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Writing the monthly bulletin…</source>
      <translation>正在生成月度通报…</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计分析</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Any day in the period</source>
      <translation>统计期内任一天</translation>
    </message>
    <message>
      <source>The last day of the period</source>
      <translation>统计期的最后一天</translation>
    </message>
    <message>
      <source>The first day of the period</source>
      <translation>统计期的第一天</translation>
    </message>
    <message>
      <source>By unit</source>
      <translation>按单位</translation>
    </message>
    <message>
      <source>By grid</source>
      <translation>按网格</translation>
    </message>
    <message>
      <source>By problem category</source>
      <translation>按问题类别</translation>
    </message>
    <message>
      <source>By route</source>
      <translation>按处置方式</translation>
    </message>
    <message>
      <source>By source</source>
      <translation>按来源</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Problem category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>处置方式</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Save this table as an .xlsx workbook</source>
      <translation>把本表保存为 .xlsx 工作簿</translation>
    </message>
    <message>
      <source>Definitions</source>
      <translation>指标说明</translation>
    </message>
    <message>
      <source>What every indicator counts, and how</source>
      <translation>每项指标统计什么、怎么统计</translation>
    </message>
    <message>
      <source>Print monthly bulletin…</source>
      <translation>打印月度通报…</translation>
    </message>
    <message>
      <source>The month's bulletin of figures (月度通报)</source>
      <translation>本月的统计通报（月度通报）</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>指标表</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>图表</translation>
    </message>
    <message>
      <source>Click a figure or a bar to list the cases behind it; hover a column's title for its definition.</source>
      <translation>点击数字或柱条可列出对应的案件；鼠标停在列标题上可查看指标定义。</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>{count} groups</source>
      <translation>{count} 个分组</translation>
    </message>
    <message>
      <source>Export statistics</source>
      <translation>导出统计表</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Writing the workbook…</source>
      <translation>正在写入工作簿…</translation>
    </message>
  </context>
  <context>
    <name>StepForm</name>
    <message>
      <source>{action} · case {number}</source>
      <translation>{action} · 案件 {number}</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>{action} case {number}?</source>
      <translation>确定对案件 {number} {action}吗？</translation>
    </message>
  </context>
  <context>
    <name>StoreDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>Suggestion</name>
    <message>
      <source>By the township's local amendment of the duty boundary list: an override needs a reason</source>
      <translation>依据本镇对职责边界清单的修订：改派需写明理由</translation>
    </message>
    <message>
      <source>{lead} leads, {helpers} cooperate</source>
      <translation>{lead}牵头，{helpers}配合</translation>
    </message>
    <message>
      <source>{lead} leads</source>
      <translation>{lead}牵头</translation>
    </message>
    <message>
      <source>The lists suggest: {action} · {units}</source>
      <translation>清单建议：{action} · {units}</translation>
    </message>
    <message>
      <source>By a duty dispute ruling: an override needs a reason</source>
      <translation>依据职责争议的裁定，改派须说明理由</translation>
    </message>
    <message>
      <source>By the duty boundary list: an override needs a reason</source>
      <translation>依据职责边界清单，改派须说明理由</translation>
    </message>
    <message>
      <source>By the division rule (visibility and specialism in the power &amp; responsibility list): an override needs a reason</source>
      <translation>依据职责分工办法（权责清单的可见性、专业性），改派须说明理由</translation>
    </message>
    <message>
      <source>Not in the lists: the category's default route, which may be changed without a reason</source>
      <translation>清单未列明，按问题类别的默认分拨，可直接改派</translation>
    </message>
  </context>
  <context>
    <name>SuperviseForm</name>
    <message>
      <source>What must be done, and why</source>
      <translation>督办事由及要求</translation>
    </message>
    <message>
      <source>Supervision note</source>
      <translation>督办意见</translation>
    </message>
    <message>
      <source>Finish and reply by</source>
      <translation>限期办结并回复</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>The office PC and the field laptops exchange sync files (同步包) by USB stick or shared folder. Each file is signed and encrypted: only the device it is for (and the office) can open it.</source>
      <translation>综合执法办电脑与外勤终端用 U 盘或共享文件夹交换同步包。每个同步包都经过签名和加密，只有收件设备（和综合执法办）能打开。</translation>
    </message>
    <message>
      <source>Sync files written and read here</source>
      <translation>本机同步记录</translation>
    </message>
    <message>
      <source>No sync file has been written or read here yet.</source>
      <translation>本机还没有导出或导入过同步包。</translation>
    </message>
    <message>
      <source>Enrol a field laptop…</source>
      <translation>注册外业终端…</translation>
    </message>
    <message>
      <source>Write an enrolment file that makes a new laptop a device of the township</source>
      <translation>写出注册文件，把一台新终端加入本镇设备</translation>
    </message>
    <message>
      <source>Revoke…</source>
      <translation>注销设备…</translation>
    </message>
    <message>
      <source>Stop trusting the selected device (a lost or retired laptop)</source>
      <translation>不再信任所选设备（丢失或停用的终端）</translation>
    </message>
    <message>
      <source>Devices of the township</source>
      <translation>本镇设备</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>导出给</translation>
    </message>
    <message>
      <source>Full export (a new or reinstalled laptop)</source>
      <translation>完整导出（新终端或重装后）</translation>
    </message>
    <message>
      <source>Sends every record, not only what the peer has not confirmed yet. Use it when a laptop starts afresh.</source>
      <translation>发送全部记录，而不只是对方尚未确认收到的记录。用于新启用或重装的终端。</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出同步包…</translation>
    </message>
    <message>
      <source>Write a sync file for the chosen device</source>
      <translation>为所选设备写入同步包</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入同步包…</translation>
    </message>
    <message>
      <source>Check a sync file, see what it brings, import it</source>
      <translation>检查同步包，看清内容后导入</translation>
    </message>
    <message>
      <source>Cases with a sync conflict to settle ({count}): double-click to open</source>
      <translation>待处理的同步冲突（{count} 件，双击打开案件）</translation>
    </message>
    <message>
      <source>This device: code {code} · {kind}</source>
      <translation>本机 · 设备编码 {code} · {kind}</translation>
    </message>
    <message>
      <source>This device: {name} · code {code} · {kind}</source>
      <translation>本机：{name} · 设备编码 {code} · {kind}</translation>
    </message>
    <message>
      <source>Device keys unlocked · fingerprint {fingerprint}</source>
      <translation>设备密钥已解锁 · 密钥指纹 {fingerprint}</translation>
    </message>
    <message>
      <source>Device keys not set up yet: set the device key password before the first export or import.</source>
      <translation>尚未设置设备密钥：首次导出或导入前，请先设置设备密钥口令。</translation>
    </message>
    <message>
      <source>Set up device keys…</source>
      <translation>设置设备密钥…</translation>
    </message>
    <message>
      <source>Device keys locked: the device key password is asked for at the first export or import.</source>
      <translation>设备密钥未解锁：首次导出或导入时需输入设备密钥口令。</translation>
    </message>
    <message>
      <source>Unlock…</source>
      <translation>解锁…</translation>
    </message>
    <message>
      <source>No other device is enrolled yet</source>
      <translation>尚未注册其他设备</translation>
    </message>
    <message>
      <source>The office enrols field laptops; each one then appears here to export to.</source>
      <translation>外勤终端由综合执法办注册，注册后出现在这里供选择。</translation>
    </message>
    <message>
      <source>{n} records wait to be exported to {peer}.</source>
      <translation>{n} 条记录待导出给 {peer}。</translation>
    </message>
    <message>
      <source>Everything is exported to {peer}; {m} records wait for it to confirm receipt (with its next sync file).</source>
      <translation>已全部导出给 {peer}，{m} 条待对方确认收到（对方下次回传同步包时确认）。</translation>
    </message>
    <message>
      <source>{peer} has every record of this device.</source>
      <translation>{peer} 已有本机的全部记录。</translation>
    </message>
    <message>
      <source>{name} enrolled: {path}</source>
      <translation>已注册 {name}：{path}</translation>
    </message>
    <message>
      <source>{name} revoked: its sync files are refused from now on.</source>
      <translation>已注销 {name}：今后拒收它的同步包。</translation>
    </message>
  </context>
  <context>
    <name>SyncTransfer</name>
    <message>
      <source>Sync files ({pattern})</source>
      <translation>同步包 ({pattern})</translation>
    </message>
    <message>
      <source>SyncFile-{code}-{moment}.tdsync</source>
      <translation>同步包-{code}-{moment}.tdsync</translation>
    </message>
    <message>
      <source>Export a sync file for {peer}</source>
      <translation>导出给 {peer} 的同步包</translation>
    </message>
    <message>
      <source>Writing the sync file…</source>
      <translation>正在写入同步包…</translation>
    </message>
    <message>
      <source>Sync file for {peer} written: {events} records ({cases} new cases), {evidence} evidence files, {size}.

{path}

Hand the file to {peer}; it is imported on the sync page there.</source>
      <translation>已写入给 {peer} 的同步包：{events} 条记录（新案件 {cases} 件），证据文件 {evidence} 个，共 {size}。

{path}

请把文件交给 {peer}，在对方的“同步”页导入。</translation>
    </message>
    <message>
      <source>Sync file for {peer} written. It holds no new records; it still tells {peer} what this device has received.

{path}</source>
      <translation>已写入给 {peer} 的同步包。其中没有新记录，但会告诉 {peer} 本机已收到哪些内容。

{path}</translation>
    </message>
    <message>
      <source>Sync file written: {path}</source>
      <translation>同步包已写入：{path}</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>导出完成</translation>
    </message>
    <message>
      <source>Import a sync file</source>
      <translation>导入同步包</translation>
    </message>
    <message>
      <source>Checking the sync file…</source>
      <translation>正在检查同步包…</translation>
    </message>
    <message>
      <source>Importing the sync file…</source>
      <translation>正在导入同步包…</translation>
    </message>
    <message>
      <source>Sync file imported.</source>
      <translation>同步包已导入。</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
  </context>
  <context>
    <name>SyncWords</name>
    <message>
      <source>Office PC</source>
      <translation>综合执法办电脑</translation>
    </message>
    <message>
      <source>Grid worker laptop</source>
      <translation>网格员外勤终端</translation>
    </message>
    <message>
      <source>Department laptop</source>
      <translation>部门外勤终端</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>first sync, at enrolment</source>
      <translation>注册时首次同步</translation>
    </message>
    <message>
      <source>full export</source>
      <translation>完整导出</translation>
    </message>
    <message>
      <source>{n} new conflicts</source>
      <translation>新冲突 {n} 件</translation>
    </message>
    <message>
      <source>{n} quarantined</source>
      <translation>隔离 {n} 条</translation>
    </message>
    <message>
      <source>{n} held back</source>
      <translation>暂缓 {n} 条</translation>
    </message>
    <message>
      <source>{n} already here</source>
      <translation>已有 {n} 条</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
  </context>
  <context>
    <name>TownshipPage</name>
    <message>
      <source>Our township</source>
      <translation>本乡镇</translation>
    </message>
    <message>
      <source>How TownDesk names the township, numbers its cases and signs its documents.</source>
      <translation>乡镇的名称、案件编号的开头和文书落款。</translation>
    </message>
    <message>
      <source>e.g. Baishi Town</source>
      <translation>例如 白石镇</translation>
    </message>
    <message>
      <source>Printed on notices and letters as the enforcement authority: the township people's government, which holds the enforcement powers, not its office.</source>
      <translation>作为执法主体印在文书落款处：应是行使执法权的乡镇人民政府，而不是综合执法办。</translation>
    </message>
    <message>
      <source>Working-day deadlines end at closing time.</source>
      <translation>按工作日计算的期限截止到下班时间。</translation>
    </message>
    <message>
      <source>Township name</source>
      <translation>乡镇名称</translation>
    </message>
    <message>
      <source>Township code</source>
      <translation>乡镇编码</translation>
    </message>
    <message>
      <source>Issuing authority</source>
      <translation>执法主体</translation>
    </message>
    <message>
      <source>Office address</source>
      <translation>办公地址</translation>
    </message>
    <message>
      <source>Duty phone</source>
      <translation>值班电话</translation>
    </message>
    <message>
      <source>Office hours</source>
      <translation>办公时间</translation>
    </message>
    <message>
      <source>Capital letters or digits, at most {limit}: the first part of every case number, as in {example}. It cannot be changed later.</source>
      <translation>大写字母或数字，最多 {limit} 位，是每个案件编号的开头，如 {example}。以后不能修改。</translation>
    </message>
    <message>
      <source>Enter the township's name.</source>
      <translation>请填写乡镇名称。</translation>
    </message>
    <message>
      <source>Enter the township's code.</source>
      <translation>请填写乡镇编码。</translation>
    </message>
    <message>
      <source>Enter the full name of the issuing authority.</source>
      <translation>请填写执法主体全称。</translation>
    </message>
  </context>
  <context>
    <name>TransferForm</name>
    <message>
      <source>e.g. 蓬山区市场监督管理局</source>
      <translation>如：蓬山区市场监督管理局</translation>
    </message>
    <message>
      <source>Transfer to</source>
      <translation>移送至</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>Set the device key password</source>
      <translation>设置设备密钥口令</translation>
    </message>
    <message>
      <source>Device key password</source>
      <translation>设备密钥口令</translation>
    </message>
    <message>
      <source>This office PC has no device keys yet. Choose the device key password now (at least {limit} characters). It is asked for before importing or exporting sync files. Keep it safe: without it this PC cannot open sync files.</source>
      <translation>本机是综合执法办电脑，还没有设备密钥。请现在设置设备密钥口令（至少 {limit} 位），以后导入、导出同步包前需要输入。请妥善保管：忘记口令，本机将无法打开同步包。</translation>
    </message>
    <message>
      <source>Sync files are signed and encrypted with this device's keys. Enter the device key password; it is asked for once per sign-in.</source>
      <translation>同步包用本机的设备密钥签名和加密。请输入设备密钥口令；每次登录只需输入一次。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>口令</translation>
    </message>
    <message>
      <source>Again</source>
      <translation>再输一次</translation>
    </message>
    <message>
      <source>Set password</source>
      <translation>设置口令</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Opening the keys…</source>
      <translation>正在打开密钥…</translation>
    </message>
    <message>
      <source>Enter the device key password.</source>
      <translation>请输入设备密钥口令。</translation>
    </message>
    <message>
      <source>The two passwords differ. Type them again.</source>
      <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
  </context>
  <context>
    <name>UserDialog</name>
    <message>
      <source>e.g. wgy20</source>
      <translation>如：wgy20</translation>
    </message>
    <message>
      <source>e.g. 李四</source>
      <translation>如：李四</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>A user's sign-in name cannot change.</source>
      <translation>用户的登录名不能修改。</translation>
    </message>
    <message>
      <source>Real name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Department officers belong to a stationed or district unit; every other role to the township's office.</source>
      <translation>部门人员属于派驻单位或区直部门，其他角色属于本镇综合执法办。</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>First password</source>
      <translation>初始密码</translation>
    </message>
    <message>
      <source>The user must change it at the first sign-in.</source>
      <translation>用户首次登录时必须修改。</translation>
    </message>
    <message>
      <source>Add a user</source>
      <translation>新增用户</translation>
    </message>
    <message>
      <source>A new user</source>
      <translation>新的用户</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit a user</source>
      <translation>修改用户</translation>
    </message>
    <message>
      <source>User {name}</source>
      <translation>用户：{name}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>UsersTab</name>
    <message>
      <source>Username</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Real name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>To be changed at next sign-in</source>
      <translation>待下次登录时修改</translation>
    </message>
    <message>
      <source>A deactivated user can no longer sign in. What they recorded stays, under their name; they can be reactivated later.</source>
      <translation>停用后，这个用户不能再登录；他登记的内容仍以他的名义保留；以后可以重新启用。</translation>
    </message>
    <message>
      <source>The user can sign in again with their password.</source>
      <translation>重新启用后，这个用户可以用原密码登录。</translation>
    </message>
    <message>
      <source>New password set for {name}; it must be changed at the next sign-in.</source>
      <translation>已为{name}设置新密码，下次登录时须修改。</translation>
    </message>
  </context>
  <context>
    <name>VerifyForm</name>
    <message>
      <source>Fixed</source>
      <translation>已整改到位</translation>
    </message>
    <message>
      <source>Not fixed: back to the handler</source>
      <translation>未整改到位，退回处置</translation>
    </message>
    <message>
      <source>What you saw</source>
      <translation>现场所见</translation>
    </message>
    <message>
      <source>On-site check</source>
      <translation>现场核查</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
  </context>
  <context>
    <name>WorkbenchPage</name>
    <message>
      <source>Workbench</source>
      <translation>工作台</translation>
    </message>
    <message>
      <source>Register case</source>
      <translation>登记案件</translation>
    </message>
    <message>
      <source>Register a new case (Ctrl+N)</source>
      <translation>登记新案件 (Ctrl+N)</translation>
    </message>
    <message>
      <source>Registered today</source>
      <translation>今日受理</translation>
    </message>
    <message>
      <source>Registered this week</source>
      <translation>本周受理</translation>
    </message>
    <message>
      <source>Pending triage</source>
      <translation>待研判</translation>
    </message>
    <message>
      <source>Urgent, pending triage</source>
      <translation>紧急待研判</translation>
    </message>
    <message>
      <source>Keyboard: Ctrl+N register a case · Ctrl+F search cases · Ctrl+1 … Ctrl+9 switch pages · Enter opens the selected case</source>
      <translation>快捷键：Ctrl+N 登记案件 · Ctrl+F 搜索案件 · Ctrl+1 … Ctrl+9 切换页面 · 回车打开选中的案件</translation>
    </message>
    <message>
      <source>Latest cases</source>
      <translation>最新受理的案件</translation>
    </message>
    <message>
      <source>Show all in the cases list →</source>
      <translation>在案件页查看全部 →</translation>
    </message>
    <message>
      <source>Case number</source>
      <translation>案件编号</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Waiting on me ({count})</source>
      <translation>待我办理（{count} 件）</translation>
    </message>
    <message>
      <source>The {shown} most pressing are listed here; all {count} are on the cases page.</source>
      <translation>此处按期限列出最紧迫的 {shown} 件；全部 {count} 件请在案件页查看。</translation>
    </message>
    <message>
      <source>Nothing waits on me now</source>
      <translation>眼下没有待我办理的案件</translation>
    </message>
    <message>
      <source>Closed on time this month (my unit)</source>
      <translation>本单位本月按期结案率</translation>
    </message>
    <message>
      <source>Show this month's figures on the statistics page</source>
      <translation>在统计页查看本月数据</translation>
    </message>
    <message>
      <source>Overdue (my unit)</source>
      <translation>本单位超期案件</translation>
    </message>
    <message>
      <source>Show the overdue cases on the overdue watch</source>
      <translation>在督查督办页查看超期案件</translation>
    </message>
    <message>
      <source>{hit} of {count} cases closed this month were closed on time</source>
      <translation>本月结案 {count} 件，其中按期结案 {hit} 件</translation>
    </message>
  </context>
  <context>
    <name>WorkbookButtons</name>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Save the township's base data as a workbook (.xlsx), passwords left out</source>
      <translation>把本镇的基础数据导出为 Excel 表（.xlsx），不含密码</translation>
    </message>
    <message>
      <source>Empty template…</source>
      <translation>空白模板…</translation>
    </message>
    <message>
      <source>Save an empty workbook with guidance and example rows, to fill in</source>
      <translation>保存一份带填写说明和示例行的空白表，供填写</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <source>Add and change base data from a filled-in workbook; all or nothing</source>
      <translation>从填好的基础数据表新增或修改基础数据；有一处问题就全部不导入</translation>
    </message>
    <message>
      <source>Standard starting set…</source>
      <translation>标准初始数据…</translation>
    </message>
    <message>
      <source>Add the usual departments and problem categories of a township</source>
      <translation>加入乡镇常用的部门和问题类别</translation>
    </message>
    <message>
      <source>Export the base data</source>
      <translation>导出基础数据</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Base data exported ({counts}): {path}</source>
      <translation>基础数据已导出（{counts}）：{path}</translation>
    </message>
    <message>
      <source>Exporting the base data…</source>
      <translation>正在导出基础数据…</translation>
    </message>
    <message>
      <source>Save an empty base-data workbook</source>
      <translation>保存空白基础数据表</translation>
    </message>
    <message>
      <source>Empty base-data workbook saved: {path}</source>
      <translation>空白基础数据表已保存：{path}</translation>
    </message>
    <message>
      <source>Saving the workbook…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Choose the base-data workbook to import</source>
      <translation>选择要导入的基础数据表</translation>
    </message>
    <message>
      <source>Import base data</source>
      <translation>导入基础数据</translation>
    </message>
    <message>
      <source>Import the base data in {name}?</source>
      <translation>导入“{name}”中的基础数据？</translation>
    </message>
    <message>
      <source>Every row is checked first; if any row has a problem, nothing is imported and every problem is listed. Rows for records the township already has change them; nothing is deleted. New users get a first password, shown once.</source>
      <translation>先逐行检查；只要有一行有问题，就什么都不导入，并列出全部问题。本镇已有的记录按表中的内容修改；不会删除任何记录。新用户会得到一个初始密码，只显示一次。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Standard starting set</source>
      <translation>标准初始数据</translation>
    </message>
    <message>
      <source>Add the standard starting set?</source>
      <translation>加入标准初始数据？</translation>
    </message>
    <message>
      <source>It adds the departments a township usually works with (stationed units and district departments, named by role, e.g. 派出所, 应急管理局) and two levels of problem categories with their routes and limits. A department or category whose code the township already has is changed to the standard one. Use it when setting up a township, then rename and complete.</source>
      <translation>将加入乡镇通常联系的部门（派驻单位和区直部门，按职能命名，如 派出所、应急管理局）和两级问题类别及其默认处置方式和时限。编码与本镇已有部门或类别相同的，会被改成标准数据。适合在初次设置时使用，之后再改名和补充。</translation>
    </message>
    <message>
      <source>Add the standard set</source>
      <translation>加入标准数据</translation>
    </message>
    <message>
      <source>the standard starting set</source>
      <translation>标准初始数据</translation>
    </message>
    <message>
      <source>Base data imported: {added} added, {changed} changed.</source>
      <translation>基础数据已导入：新增 {added} 条，修改 {changed} 条。</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>什么都没有导入。</translation>
    </message>
    <message>
      <source>Nothing was imported</source>
      <translation>没有导入</translation>
    </message>
    <message>
      <source>Importing the base data…</source>
      <translation>正在导入基础数据…</translation>
    </message>
  </context>
  <context>
    <name>WeightsDialog</name>
    <message>
      <source>Assessment weights</source>
      <translation>考核权重</translation>
    </message>
    <message>
      <source>How much each rate counts in a unit&apos;s score (0 leaves it out). A unit is scored on the rates it has at least five cases for; a rate where lower is better counts as 100 minus the rate. The bulletin prints the weights used.</source>
      <translation>各项比率在单位得分中所占的权重（0 表示不计）。单位只在有至少 5 件可计的比率上得分；越低越好的比率（如返工率）按 100 减去该比率计分。月度通报会印出所用的权重。</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>CaseParties</name>
    <message>
      <source>Parties</source>
      <translation>当事人</translation>
    </message>
    <message>
      <source>Add party…</source>
      <translation>登记当事人…</translation>
    </message>
    <message>
      <source>No party recorded.</source>
      <translation>尚未登记当事人。</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>个人</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Remove…</source>
      <translation>移除…</translation>
    </message>
  </context>
  <context>
    <name>PartyDialog</name>
    <message>
      <source>Add a party to case {number}</source>
      <translation>登记案件 {number} 的当事人</translation>
    </message>
    <message>
      <source>&amp;Person</source>
      <translation>个人(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Organisation</source>
      <translation>单位(&amp;O)</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号码</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Legal representative</source>
      <translation>法定代表人</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Personal details are kept confidential: only the office sees them in full, other roles see them masked.</source>
      <translation>个人信息保密：综合执法办受理员、管理员和督查人员可见全部内容，其他角色只见遮蔽后的信息。</translation>
    </message>
    <message>
      <source>Record party</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Organisation name</source>
      <translation>单位名称</translation>
    </message>
  </context>
  <context>
    <name>RemovePartyDialog</name>
    <message>
      <source>Remove a party of case {number}</source>
      <translation>移除案件 {number} 的当事人</translation>
    </message>
    <message>
      <source>Why is it removed? (recorded in the timeline)</source>
      <translation>移除理由（记入时间线）</translation>
    </message>
    <message>
      <source>Remove party</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>WithdrawDialog</name>
    <message>
      <source>Withdraw</source>
      <translation>撤回</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>理由(&amp;R)</translation>
    </message>
    <message>
      <source>Why it is withdrawn from the meeting</source>
      <translation>从会议撤回的理由</translation>
    </message>
    <message>
      <source>The duty dispute on case {number} is on the agenda of {meeting}: only that meeting decides it. Withdraw it, so that it can be ruled on otherwise?</source>
      <translation>案件 {number} 的职责争议已列入{meeting}的议程，只能由该次会议作出决议。是否撤回，以便另行裁定？</translation>
    </message>
    <message>
      <source>Withdraw from the joint meeting · case {number}</source>
      <translation>从联席会议撤回 · 案件 {number}</translation>
    </message>
  </context>
  <context>
    <name>AmendmentsTab</name>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Exported the change proposal ({count} changes): {path}</source>
      <translation>已导出修订建议 {count} 项：{path}</translation>
    </message>
    <message>
      <source>Excel spreadsheets (*.xlsx)</source>
      <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
      <source>Boundary list change proposal.xlsx</source>
      <translation>职责边界清单修订建议.xlsx</translation>
    </message>
    <message>
      <source>Export the change proposal</source>
      <translation>导出修订建议</translation>
    </message>
    <message>
      <source>In force</source>
      <translation>有效</translation>
    </message>
    <message>
      <source>Settled by version {n}</source>
      <translation>已被第 {n} 版吸收</translation>
    </message>
    <message>
      <source>Joint meeting</source>
      <translation>联席会议</translation>
    </message>
    <message>
      <source>{item} (proposed)</source>
      <translation>{item}（建议增列）</translation>
    </message>
    <message>
      <source>No local amendment of the boundary list.</source>
      <translation>职责边界清单暂无本镇修订。</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Ruled by</source>
      <translation>裁定</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>案件</translation>
    </message>
    <message>
      <source>Cooperating</source>
      <translation>配合单位</translation>
    </message>
    <message>
      <source>Amended lead</source>
      <translation>修订牵头</translation>
    </message>
    <message>
      <source>Official lead</source>
      <translation>官方牵头</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>事项编码</translation>
    </message>
    <message>
      <source>Export the changes the amendments in force propose, for the establishment office (.xlsx)</source>
      <translation>导出本镇修订形成的修订建议，报区编办（.xlsx）</translation>
    </message>
    <message>
      <source>Change proposal…</source>
      <translation>修订建议…</translation>
    </message>
    <message>
      <source>Show amendments settled by the official list too</source>
      <translation>同时显示已被官方清单吸收的修订</translation>
    </message>
    <message>
      <source>How the township's dispute rulings and joint meetings changed who leads a matter. The official boundary list stays as the establishment office issued it; routing follows the amendment until an official version says the same.</source>
      <translation>本镇职责争议裁定和联席会议决议对牵头单位的修订。官方职责边界清单保持区编办印发的原样；在官方新版本写明相同内容之前，分拨建议按本镇修订执行。</translation>
    </message>
  </context>
  <context>
    <name>SplitDialog</name>
    <message>
      <source>Split</source>
      <translation>拆分</translation>
    </message>
    <message>
      <source>Split “{name}” ({code}) into narrower categories</source>
      <translation>把“{name}”（{code}）拆分为更细的类别</translation>
    </message>
    <message>
      <source>Split a category</source>
      <translation>拆分问题类别</translation>
    </message>
    <message>
      <source>The narrower categories start with this one's route, unit and limits. Cases already registered keep “{name}”, which new cases no longer use; until the lists name the new categories, routing reads the lists of “{name}”.</source>
      <translation>更细的类别沿用本类别的分拨方式、默认单位和时限。已登记的案件保留“{name}”，新案件不再使用该类别；在清单写明新类别之前，分拨建议按“{name}”的清单执行。</translation>
    </message>
    <message>
      <source>Category {n}</source>
      <translation>类别 {n}</translation>
    </message>
    <message>
      <source>Name of the narrower category</source>
      <translation>更细类别的名称</translation>
    </message>
  </context>
  <context>
    <name>ReviewAnswerForm</name>
    <message>
      <source>e.g. Decision on review no. …, and its reasons</source>
      <translation>如 复议决定书文号及理由</translation>
    </message>
    <message>
      <source>Decision on review</source>
      <translation>复议决定</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>SupervisionForm</name>
    <message>
      <source>Why the case should be opened</source>
      <translation>应当立案的理由</translation>
    </message>
    <message>
      <source>Procuratorate</source>
      <translation>人民检察院</translation>
    </message>
    <message>
      <source>Asked on</source>
      <translation>提出日期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
  </context>
  <context>
    <name>PassedOnForm</name>
    <message>
      <source>e.g. 东莱市公安局森林分局</source>
      <translation>如 东莱市公安局森林分局</translation>
    </message>
    <message>
      <source>Optional: the police's written notice, its number</source>
      <translation>可选：公安机关书面告知的文号等</translation>
    </message>
    <message>
      <source>Passed to</source>
      <translation>移交的主管机关</translation>
    </message>
    <message>
      <source>Passed on at</source>
      <translation>移交时间</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>HandoverForm</name>
    <message>
      <source>e.g. 涉案物品移交清单 2026-1 号</source>
      <translation>如 涉案物品移交清单 2026-1 号</translation>
    </message>
    <message>
      <source>e.g. 王警官</source>
      <translation>如 王警官</translation>
    </message>
    <message>
      <source>Handed over on</source>
      <translation>移交日期</translation>
    </message>
    <message>
      <source>Handover list</source>
      <translation>移交清单</translation>
    </message>
    <message>
      <source>Received by</source>
      <translation>接收民警</translation>
    </message>
  </context>
</TS>

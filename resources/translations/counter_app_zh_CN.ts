<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthorizationsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="30" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="31" />
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="32" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="33" />
        <source>Supervisor</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="34" />
        <source>What</source>
        <translation>授权事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="43" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="48" />
        <source>Authorizations given while the centre was unreachable</source>
        <translation>中心不可达期间作出的授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="65" />
        <source>Select an authorization first.</source>
        <translation>请先选择一条授权。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/authorizations_tab.py" line="79" />
        <source>Confirmed.</source>
        <translation>已确认。</translation>
    </message>
</context>
<context>
    <name>AuthorizeDialog</name>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="38" />
        <source>Supervisor authorization</source>
        <translation>领导授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="47" />
        <source>Supervisor</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="48" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="82" />
        <source>This account may not authorize; a supervisor must enter their own.</source>
        <translation>该账号无权授权，请由科长输入本人账号和密码。</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="25" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="28" />
        <source>pending</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="27" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="26" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="28" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="29" />
        <source>Customer</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="30" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="31" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="32" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CertificateTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="75" />
        <source>Personal proof of insurance</source>
        <translation>个人参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="76" />
        <source>Employer proof of insurance</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="80" />
        <source>ID number or credit code</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="81" />
        <source>Issue and preview</source>
        <translation>出具并预览</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="84" />
        <source>Reprint… (needs authorization)</source>
        <translation>补打…（需领导授权）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="87" />
        <source>Verify a code…</source>
        <translation>核验验证码…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="94" />
        <source>Certificate</source>
        <translation>证明类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="95" />
        <source>For</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="138" />
        <source>Asking the central service…</source>
        <translation>正在查询中心服务…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="176" />
        <source>Issued with verification code %1 (journal entry %2).</source>
        <translation>已出具，验证码 %1（流水号 %2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="211" />
        <source>A reprint of certificate %1 needs a supervisor.</source>
        <translation>补打证明 %1 需要领导现场授权。</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="22" />
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="24" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="56" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="58" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="60" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="72" />
        <source>Pending sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="75" />
        <source>(oldest %1 min)</source>
        <translation>（最早 %1 分钟前）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="77" />
        <source>Rejected: %1</source>
        <translation>被退回：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="79" />
        <source>Quarantined: %1</source>
        <translation>隔离：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="89" />
        <source>Sync alarm — see the Sync tab</source>
        <translation>同步告警 — 请查看“同步”页</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="65" />
        <source>18-digit ID number (F2)</source>
        <translation>18 位身份证号码（F2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="68" />
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="78" />
        <source>Customer</source>
        <translation>办事群众</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="82" />
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="83" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="84" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="85" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="86" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="87" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="88" />
        <source>Insured number</source>
        <translation>个人参保编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="89" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="90" />
        <source>Insurance held</source>
        <translation>已参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="91" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="102" />
        <source>Cases of this person</source>
        <translation>本人业务记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="141" />
        <location filename="../../counter_app/ui/customer_panel.py" line="151" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="156" />
        <source>No case with this receipt's number is known here.</source>
        <translation>本机没有此回执编号的业务记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="221" />
        <source>Not found in the registry: a new person can be enrolled.</source>
        <translation>人员库中无此人，可办理新参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="226" />
        <source>Found in the local cache.</source>
        <translation>已在本机缓存中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="228" />
        <source>Found in the central registry.</source>
        <translation>已在中心人员库中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="238" />
        <source>assigned after sync</source>
        <translation>同步后分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="238" />
        <source>not insured</source>
        <translation>未参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="244" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="244" />
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>EnrollmentTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="122" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="123" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="124" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="125" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="126" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="127" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="128" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="129" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="146" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="149" />
        <source>New customer (Ctrl+N)</source>
        <translation>新办事人 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="152" />
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="170" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="298" />
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="427" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="309" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="355" />
        <source>Accepted and confirmed by the central database: case %1.</source>
        <translation>已受理，中心数据库已确认：受理编号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="362" />
        <source>The central database refused this enrollment: %1</source>
        <translation>中心数据库拒绝了此次参保登记：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="366" />
        <source>It stays listed in the Sync tab until it is marked as handled.</source>
        <translation>该记录保留在“同步”页中，直至标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="372" />
        <source>Accepted. The enrollment is saved on this workstation and waits for the central database (case %1).</source>
        <translation>已受理。参保登记已保存在本机，等待中心数据库确认（业务 %1）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="382" />
        <source>Promised completion by %1 (provisional: counted on the statutory holidays only, because the State Council has not yet published the holiday arrangement for that period).</source>
        <translation>承诺办结：%1前（暂按法定节假日推算：国务院尚未公布该期间的放假安排，以国务院公布的放假安排为准）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="387" />
        <source>Promised completion by %1.</source>
        <translation>承诺办结：%1前。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="404" />
        <source>%1 (central number pending)</source>
        <translation>%1（中心编号待分配）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="156" />
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="53" />
        <source>The central database cannot be reached.</source>
        <translation>无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="55" />
        <source>The system keyring is not usable.</source>
        <translation>系统密钥环不可用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="58" />
        <source>The configuration file is not valid.</source>
        <translation>配置文件无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="63" />
        <source>An unexpected error occurred; it has been logged.</source>
        <translation>发生意外错误，已记录日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="76" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="88" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="89" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="90" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="91" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="92" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="93" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="94" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="95" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="96" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="97" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="99" />
        <source>Person or employer certified</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="100" />
        <source>Kind of certificate</source>
        <translation>证明种类</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="101" />
        <source>Verification code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="102" />
        <source>Date of the certified data</source>
        <translation>证明数据截止日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="104" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="105" />
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="107" />
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="108" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="109" />
        <source>Window numbers</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="110" />
        <source>Transfer to</source>
        <translation>转移去向</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="111" />
        <source>Reason for the pause</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="112" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="113" />
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="114" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="116" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="117" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="118" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="119" />
        <source>Hall</source>
        <translation>服务大厅</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="121" />
        <source>Queue settings of this workstation</source>
        <translation>本机排队叫号配置</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="122" />
        <source>Printer settings of this workstation</source>
        <translation>本机打印机配置</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="130" />
        <source>serve customers</source>
        <translation>叫号接待</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="131" />
        <source>accept cases</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="132" />
        <source>review cases</source>
        <translation>业务复核</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="133" />
        <source>approve cases</source>
        <translation>业务审批</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="134" />
        <source>authorize on the spot</source>
        <translation>现场授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="135" />
        <source>view full ID numbers</source>
        <translation>查看完整证件号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="136" />
        <source>manage users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="137" />
        <source>synchronise with the central database</source>
        <translation>与中心数据库同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="151" />
        <source>This account is unknown or disabled.</source>
        <translation>该账号不存在或已停用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="153" />
        <source>Only the administration tool may do this.</source>
        <translation>此操作只能通过系统管理工具执行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="158" />
        <source>You are not allowed to do this: your role may not %1.</source>
        <translation>您无权执行此操作：您的角色没有“%1”权限。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="206" />
        <source>Enter the ID number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="209" />
        <source>Character %1 of the ID number, “%2” (%3), is not allowed: an ID number has only digits and, as its last character, X.</source>
        <translation>身份证号码第 %1 位“%2”（%3）不是有效字符：身份证号码只能由数字组成，仅末位可以是 X。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="220" />
        <source>An ID number has 18 characters; %1 were entered.</source>
        <translation>身份证号码应为 18 位，实际输入了 %1 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="223" />
        <source>Only the last character of an ID number may be X.</source>
        <translation>身份证号码只有末位可以是 X。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="226" />
        <source>The ID number begins with %1, which is not a province code; please re-read the number from the card.</source>
        <translation>身份证号码开头的 %1 不是有效的省级行政区划代码，请对照证件重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="235" />
        <source>The birth date in the ID number (%1) is in the future or before 1880; please re-read the number.</source>
        <translation>身份证号码中的出生日期（%1）晚于今天或早于 1880 年，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="241" />
        <source>The birth date in the ID number (%1) is not a real date; please re-read the number.</source>
        <translation>身份证号码中的出生日期（%1）不存在，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="248" />
        <source>The ID number does not add up: its last character (the check digit) does not match the other digits. One of them is probably mistyped; please re-read the whole number from the card.</source>
        <translation>身份证号码校验不通过：末位校验码与前面的数字不符，可能有数字输错，请对照证件逐位重新核对整个号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="259" />
        <source>Enter the unified social credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="262" />
        <source>Character %1 of the credit code, “%2” (%3), is not allowed: a credit code has digits and capital letters, never I, O, S, V or Z.</source>
        <translation>统一社会信用代码第 %1 位“%2”（%3）不是有效字符：统一社会信用代码由数字和大写字母组成，不使用 I、O、S、V、Z。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="273" />
        <source>A credit code has 18 characters; %1 were entered.</source>
        <translation>统一社会信用代码应为 18 位，实际输入了 %1 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="278" />
        <source>The first character of the credit code (%1) is not a registration authority code; please re-read the code.</source>
        <translation>统一社会信用代码第 1 位（%1）不是有效的登记管理部门代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="287" />
        <source>The second character of the credit code (%1) is not an organisation category code; please re-read the code.</source>
        <translation>统一社会信用代码第 2 位（%1）不是有效的机构类别代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="296" />
        <source>Characters 3 to 8 of the credit code (%1) are not an administrative division code; please re-read the code.</source>
        <translation>统一社会信用代码第 3 至 8 位（%1）不是有效的行政区划代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="305" />
        <source>Characters 9 to 17 of the credit code (the organisation code %1) do not add up; one of them is probably mistyped. Please re-read the code from the business licence or registration certificate.</source>
        <translation>统一社会信用代码第 9 至 17 位（组织机构代码 %1）校验不通过，可能有字符输错，请对照营业执照或登记证书重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="314" />
        <source>The credit code does not add up: its last character (the check character) does not match the others. One of them is probably mistyped; please re-read the whole code from the business licence or registration certificate.</source>
        <translation>统一社会信用代码校验不通过：末位校验码与前面的字符不符，可能有字符输错，请对照营业执照或登记证书逐位重新核对整个代码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="326" />
        <source>A verification code has %1 characters; %2 were entered.</source>
        <translation>核验码应为 %1 位，实际输入了 %2 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="332" />
        <source>A verification code has no characters like %1.</source>
        <translation>核验码中不会出现 %1 这样的字符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="336" />
        <source>This is not a certificate's verification code.</source>
        <translation>这不是参保证明的核验码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="339" />
        <source>This QR code is on the acceptance receipt of case %1, not on a certificate.</source>
        <translation>这是受理编号 %1 的受理回执上的二维码，不是参保证明上的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="346" />
        <source>This QR code is on an acceptance receipt, not on a certificate.</source>
        <translation>这是受理回执上的二维码，不是参保证明上的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="350" />
        <source>The verification code is mistyped: its check character does not match. Please compare it with the certificate again.</source>
        <translation>核验码输入有误：校验字符不符，请对照参保证明重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="361" />
        <source>The amount must not exceed %1.</source>
        <translation>金额不能超过 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="365" />
        <source>This value is not accepted.</source>
        <translation>输入的内容不符合要求。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="374" />
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="375" />
        <source>The length is wrong.</source>
        <translation>长度不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="376" />
        <source>The format is wrong.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="377" />
        <source>The value holds a character that is not allowed.</source>
        <translation>输入中含有不允许的字符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="378" />
        <source>The birth date in the ID number is impossible.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="379" />
        <source>The region code in the number is not valid.</source>
        <translation>号码中的行政区划代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="380" />
        <source>The registration authority code is not valid.</source>
        <translation>登记管理部门代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="381" />
        <source>The organisation category code is not valid.</source>
        <translation>机构类别代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="382" />
        <source>The organisation code inside the credit code is mistyped.</source>
        <translation>统一社会信用代码中的组织机构代码有误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="385" />
        <source>The check character does not match; please re-read the number.</source>
        <translation>校验码不符，请重新核对号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="388" />
        <source>The amount must not be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="389" />
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="390" />
        <source>The value is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="391" />
        <source>The person is too young to be enrolled as a worker.</source>
        <translation>未达到法定劳动年龄，不能以职工或灵活就业身份参保。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="392" />
        <source>This is not allowed for the chosen category.</source>
        <translation>所选参保类别不允许此项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="393" />
        <source>Choose one of the offered values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="394" />
        <source>This value is unknown.</source>
        <translation>该值不存在。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="395" />
        <source>This is not possible in the current state.</source>
        <translation>当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="396" />
        <source>This setting in the workstation's configuration file is not valid; please ask the administrator to correct it.</source>
        <translation>本机配置文件中的此项设置无效，请联系系统管理员修改。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="401" />
        <source>This is not the document asked for.</source>
        <translation>这不是所需的单据。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="436" />
        <source>This cannot be done: it contradicts the records.</source>
        <translation>此操作与现有记录冲突，无法办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="445" />
        <source>This person is already enrolled (insured number %1).</source>
        <translation>此人已参保登记（个人参保编号 %1）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="448" />
        <source>This person is already enrolled.</source>
        <translation>此人已参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="453" />
        <source>No insured employer has the credit code %1.</source>
        <translation>没有统一社会信用代码为 %1 的参保单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="455" />
        <source>No insured employer has this credit code.</source>
        <translation>没有使用该统一社会信用代码的参保单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="460" />
        <source>The verification code %1 is already in use; please issue the certificate again.</source>
        <translation>核验码 %1 已被使用，请重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="467" />
        <source>This verification code is already in use; please issue the certificate again.</source>
        <translation>该核验码已被使用，请重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="472" />
        <source>The registry holds another name for this ID number; a key-data correction is needed first.</source>
        <translation>该身份证号码登记的姓名不同，请先办理关键信息更正。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="477" />
        <source>This person is not insured; no proof of insurance can be issued.</source>
        <translation>此人未参保，不能出具参保证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="480" />
        <source>The central database holds other data than this workstation; please synchronise and issue the certificate again.</source>
        <translation>中心数据库的数据与本机不一致，请同步后重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="485" />
        <source>The central database refused this.</source>
        <translation>中心数据库拒绝了此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="487" />
        <source>This call was already made at another window; call the next one again.</source>
        <translation>这次叫号已在其他窗口使用，请重新叫下一号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="491" />
        <source>Several entries were not accepted.</source>
        <translation>多项填写内容不符合要求。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="499" />
        <source>Too many wrong passwords. The account is locked until %1.</source>
        <translation>密码错误次数过多，账号已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="503" />
        <source>Too many wrong passwords. The account is locked.</source>
        <translation>密码错误次数过多，账号已锁定。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="505" />
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="508" />
        <source>Wrong user name or password. Attempts left before the account is locked: %1.</source>
        <translation>用户名或密码错误。再输错 %1 次密码，账号将被锁定。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="514" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="518" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="40" />
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="41" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="42" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="43" />
        <source>Teller</source>
        <translation>综合柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="44" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="45" />
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="56" />
        <source>What was done (mandatory)</source>
        <translation>处理情况（必填）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="57" />
        <source>Close follow-up</source>
        <translation>办结回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="80" />
        <source>Select a follow-up first.</source>
        <translation>请先选择一条回访记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="96" />
        <source>Closed.</source>
        <translation>已办结。</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="172" />
        <source>Hall display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="191" />
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="199" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="201" />
        <source>Please go to</source>
        <translation>请到</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="213" />
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="309" />
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="374" />
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="380" />
        <source>%1: %2</source>
        <translation>%1 %2 人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="384" />
        <source>Waiting: %1</source>
        <translation>等候：%1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="52" />
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="54" />
        <source>Please choose your business</source>
        <translation>请选择办理业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="74" />
        <source>Optional: ID number (seniors are served with priority)</source>
        <translation>可选：输入身份证号码（老年人自动优先）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="121" />
        <location filename="../../counter_app/ui/kiosk.py" line="185" />
        <source>Your number: %1</source>
        <translation>您的号码：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="186" />
        <source>Please wait to be called.</source>
        <translation>请留意叫号，过号请重新取号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="188" />
        <source>No ticket printer is set up; please remember your number.</source>
        <translation>本机未配置号票打印机，请记住您的号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="190" />
        <source>The ticket could not be printed; please remember your number.</source>
        <translation>号票打印失败，请记住您的号码。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="28" />
        <source>Teller</source>
        <translation>综合柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="29" />
        <source>Reviewer</source>
        <translation>复核员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="30" />
        <source>Supervisor</source>
        <translation>科长</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="31" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="37" />
        <source>Pension</source>
        <translation>养老</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="38" />
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="39" />
        <source>Unemployment</source>
        <translation>失业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="40" />
        <source>Work injury</source>
        <translation>工伤</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="41" />
        <source>Maternity</source>
        <translation>生育</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="42" />
        <source>Other insurance</source>
        <translation>其他险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="47" />
        <source>Employee</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="48" />
        <source>Flexible employment</source>
        <translation>灵活就业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="49" />
        <source>Urban and rural resident</source>
        <translation>城乡居民</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="50" />
        <source>Other category</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="54" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="54" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="59" />
        <location filename="../../counter_app/ui/roles_text.py" line="122" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="60" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="61" />
        <location filename="../../counter_app/ui/roles_text.py" line="73" />
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="62" />
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="63" />
        <location filename="../../counter_app/ui/roles_text.py" line="74" />
        <location filename="../../counter_app/ui/roles_text.py" line="123" />
        <location filename="../../counter_app/ui/roles_text.py" line="159" />
        <source>Unknown state</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="68" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="69" />
        <source>In review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="70" />
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="71" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="72" />
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="80" />
        <location filename="../../counter_app/ui/roles_text.py" line="145" />
        <source>Personal proof of insurance</source>
        <translation>个人参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="81" />
        <location filename="../../counter_app/ui/roles_text.py" line="146" />
        <source>Employer proof of insurance</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="82" />
        <source>Proof of insurance</source>
        <translation>参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="90" />
        <location filename="../../counter_app/ui/roles_text.py" line="99" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="91" />
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="92" />
        <source>Hall set-up</source>
        <translation>大厅设置</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="93" />
        <location filename="../../counter_app/ui/roles_text.py" line="100" />
        <location filename="../../counter_app/ui/roles_text.py" line="108" />
        <source>Other business</source>
        <translation>其他业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="106" />
        <source>Case</source>
        <translation>受理件</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="107" />
        <source>Certificate</source>
        <translation>证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="121" />
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="129" />
        <source>number pending</source>
        <translation>编号待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="142" />
        <source>Queue ticket</source>
        <translation>排队小票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="143" />
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="144" />
        <source>One-time notice of missing materials</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="147" />
        <source>Result notice</source>
        <translation>办理结果通知书</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="148" />
        <source>Payment receipt</source>
        <translation>缴费凭证</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="149" />
        <source>Teller's day summary</source>
        <translation>柜员日结单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="150" />
        <source>Other document</source>
        <translation>其他单据</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="156" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="157" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="158" />
        <source>Failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="167" />
        <source>The printer did not answer in time.</source>
        <translation>打印机响应超时。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="168" />
        <source>The printer cannot be reached: is it on, connected and online?</source>
        <translation>无法连接打印机：请检查是否开机、连线并处于联机状态。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="171" />
        <source>The print file cannot be written.</source>
        <translation>无法写入打印文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="172" />
        <source>The USB or serial printer reported an error.</source>
        <translation>USB 或串口打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="173" />
        <source>The printer reported an error.</source>
        <translation>打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="180" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="181" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="182" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="183" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="184" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="185" />
        <source>Unknown rating</source>
        <translation>未知评价</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="72" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="75" />
        <source>The screen is locked. %1, enter your password to continue.</source>
        <translation>屏幕已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="86" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="112" />
        <source>The central service refused this login; please contact the administrator.</source>
        <translation>中心服务拒绝了此次登录；请联系管理员。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="117" />
        <source>Social Insurance Counter — Log in</source>
        <translation>社保综合柜员系统 — 登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="120" />
        <source>Social Insurance Integrated Counter</source>
        <translation>社保综合柜员系统</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="140" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="141" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="142" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="148" />
        <source>Preparing the workstation…</source>
        <translation>正在准备工作站…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="218" />
        <source>Central service connected.</source>
        <translation>已连接中心服务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="220" />
        <source>Offline: the central service cannot be reached.</source>
        <translation>离线：无法连接中心服务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="225" />
        <source>No users are known on this workstation yet; it must reach the central service once before anyone can log in.</source>
        <translation>本工作站尚无已知用户；须先连接一次中心服务，才能登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="240" />
        <source>This workstation is not enrolled with the central service yet; the administrator enrols it with counter-admin enrol.</source>
        <translation>本工作站尚未在中心服务登记；请管理员用 counter-admin enrol 登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="244" />
        <source>The key of this workstation cannot be read: no usable system keyring.</source>
        <translation>无法读取本工作站的密钥：没有可用的系统密钥环。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="246" />
        <source>The central service of this PC did not start.</source>
        <translation>本机的中心服务未能启动。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="248" />
        <source>The central service cannot be used.</source>
        <translation>中心服务无法使用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="308" />
        <source>This user belongs to another hall and cannot log in here.</source>
        <translation>该用户属于其他大厅，不能在此登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="310" />
        <source>The central service refused this workstation; please contact the administrator.</source>
        <translation>中心服务拒绝了本工作站；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="154" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="158" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="184" />
        <source>Connecting to the central service…</source>
        <translation>正在连接中心服务…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="204" />
        <location filename="../../counter_app/ui/login_dialog.py" line="271" />
        <source>Logging in is not possible on this workstation now.</source>
        <translation>此工作站目前无法登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="209" />
        <source>The local cache of this workstation cannot be opened.</source>
        <translation>无法打开此工作站的本地缓存。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="211" />
        <location filename="../../counter_app/ui/login_dialog.py" line="249" />
        <source>Please contact the administrator; the details are in the log.</source>
        <translation>请联系管理员；详细信息已记入日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="266" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="276" />
        <source>The workstation is still being prepared; you will be logged in then.</source>
        <translation>工作站仍在准备中，准备完成后将为您登录。</translation>
    </message>
</context>
<context>
    <name>PrintJobsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="38" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="39" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="41" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="43" />
        <source>Reprint authorized by</source>
        <translation>补打授权人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="45" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="74" />
        <source>case number pending</source>
        <translation>受理编号待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="78" />
        <source>System printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="83" />
        <source>%1 (attempt %2)</source>
        <translation>%1（第 %2 次）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="90" />
        <source>Reprint (no authorization needed)</source>
        <translation>补打（无需授权）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="123" />
        <source>%1 job(s), %2 failed and waiting</source>
        <translation>共 %1 个打印任务，%2 个失败待处理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="40" />
        <source>Reference</source>
        <translation>业务编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="42" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="59" />
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="117" />
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="127" />
        <source>System printer…</source>
        <translation>系统打印机…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="144" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="147" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="151" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="202" />
        <location filename="../../counter_app/ui/print_preview.py" line="257" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="213" />
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="218" />
        <source>The printer failed: %1. The job is kept; retry or choose another printer.</source>
        <translation>打印失败：%1。打印任务已保留，可重试或改用其他打印机。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="260" />
        <source>Saved as PDF: %1</source>
        <translation>已保存为 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="272" />
        <source>Sent to the system printer.</source>
        <translation>已发送到系统打印机。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="286" />
        <source>It could not be entered in the print log.</source>
        <translation>未能记入打印记录。</translation>
    </message>
</context>
<context>
    <name>QueueDock</name>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="70" />
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="89" />
        <location filename="../../counter_app/ui/queue_dock.py" line="316" />
        <location filename="../../counter_app/ui/queue_dock.py" line="341" />
        <source>No ticket</source>
        <translation>当前无号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="108" />
        <source>Call next (F9)</source>
        <translation>叫号（F9）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="109" />
        <source>Recall (F10)</source>
        <translation>重呼（F10）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="110" />
        <source>Start (F11)</source>
        <translation>开始办理（F11）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="111" />
        <source>Finish (F12)</source>
        <translation>办结（F12）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="112" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="113" />
        <source>Back to queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="114" />
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="115" />
        <source>Transfer to…</source>
        <translation>转移到…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="116" />
        <source>Serve a walk-in</source>
        <translation>无号办理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="117" />
        <source>Pause / resume</source>
        <translation>暂停/恢复</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="131" />
        <source>Tickets this window holds</source>
        <translation>本窗口挂起的号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="132" />
        <source>Resume held</source>
        <translation>恢复挂起号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="142" />
        <source>Lunch</source>
        <translation>午休</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="143" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="144" />
        <source>Back office</source>
        <translation>后台业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="145" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="149" />
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="209" />
        <source>Recall %1 more time(s) before a no-show.</source>
        <translation>再呼叫 %1 次后可过号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="211" />
        <source>A no-show needs %1 recalls first; %2 so far.</source>
        <translation>须先呼叫 %1 次才能过号；已呼叫 %2 次。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="219" />
        <source>The customer did not come: close the ticket.</source>
        <translation>办事人未到：作过号处理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="221" />
        <source>Possible for a called ticket, after %1 recalls.</source>
        <translation>已叫号且呼叫 %1 次后可过号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="313" />
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候群众。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="316" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="320" />
        <source>%1 was transferred.</source>
        <translation>%1 已转移。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="343" />
        <source>Called — waiting for the customer</source>
        <translation>已叫号，等候群众到窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="344" />
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="345" />
        <source>On hold</source>
        <translation>挂起中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="352" />
        <source>Walk-in customers can still be served.</source>
        <translation>无号群众仍可直接办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="361" />
        <source>%1 (held)</source>
        <translation>%1（挂起）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="366" />
        <source>No ticket on hold</source>
        <translation>无挂起的号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="417" />
        <source>Queue offline: the central database cannot be reached.</source>
        <translation>叫号离线：无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="443" />
        <source>Waiting: %1</source>
        <translation>等候：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="446" />
        <source>Longest wait: %1 min</source>
        <translation>最长等候：%1 分钟</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="453" />
        <source>Today: %1 served, %2 min on average, ratings %3 good / %4 bad</source>
        <translation>今日已办 %1 笔，平均 %2 分钟，好评 %3 / 差评 %4</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="37" />
        <source>Please rate our service</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="38" />
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="50" />
        <source>Esc: close without a rating</source>
        <translation>按 Esc 关闭（不评价）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="129" />
        <source>Thank you!</source>
        <translation>谢谢您的评价！</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="45" />
        <source>Reprint a certificate</source>
        <translation>补打证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="51" />
        <source>Certificates of the customer being served</source>
        <translation>当前办事人的证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="52" />
        <source>Certificates issued today in this hall</source>
        <translation>本大厅今日出具的证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="57" />
        <source>Or type a verification code</source>
        <translation>或输入验证码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="59" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="67" />
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="68" />
        <source>Certificate</source>
        <translation>证明类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="69" />
        <source>For</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="70" />
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="71" />
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="89" />
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="121" />
        <source>No certificate here; type its verification code.</source>
        <translation>此处没有证明，请输入验证码查找。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="126" />
        <source>Type the verification code of the certificate.</source>
        <translation>请输入证明上的验证码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="136" />
        <source>No certificate has this verification code.</source>
        <translation>没有使用此验证码的证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reprint_dialog.py" line="151" />
        <source>Select a certificate first.</source>
        <translation>请先选择一份证明。</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="72" />
        <source>The user is not allowed to do this.</source>
        <translation>该用户无权办理此业务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="79" />
        <source>The central database refused this command.</source>
        <translation>中心数据库拒绝了此业务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="86" />
        <source>Quarantined: the saved command is damaged and cannot be read.</source>
        <translation>已隔离：本机保存的业务数据已损坏，无法读取。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="89" />
        <source>Quarantined: this program version does not know this kind of business.</source>
        <translation>已隔离：当前程序版本无法识别该类业务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="92" />
        <source>Quarantined: an unexpected error occurred while sending this command.</source>
        <translation>已隔离：发送该业务时发生意外错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="95" />
        <source>Quarantined: the central database refused the data of this command.</source>
        <translation>已隔离：中心数据库拒收该业务的数据。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="98" />
        <source>Waiting: an earlier command it depends on is quarantined.</source>
        <translation>等待中：其所依赖的前一笔业务已被隔离。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="102" />
        <source>Quarantined: this command could not be sent.</source>
        <translation>已隔离：该业务无法发送。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="112" />
        <source>The central journal now ends at entry %1, but this workstation had already received %2 entries more: the central database has lost entries (restored from an old backup?). Inform the system administrator.</source>
        <translation>中心日志现止于第 %1 条，但本工作站此前已多收到 %2 条：中心数据库丢失了条目（是否从旧备份恢复？）。请通知系统管理员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="122" />
        <source>%1 command(s) the central database had confirmed are no longer in its journal; they have been sent again.</source>
        <translation>中心数据库曾确认的 %1 条业务已不在其日志中；已重新提交。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="128" />
        <source>Central journal entries this workstation saw signed have been changed (from entry %1). Inform the system administrator.</source>
        <translation>本工作站见过签名的中心日志条目已被改动（自第 %1 条起）。请通知系统管理员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="134" />
        <source>The central service sent a journal head that is not signed with its key (entry %1). Inform the system administrator.</source>
        <translation>中心服务发来的日志头未用其密钥签名（第 %1 条）。请通知系统管理员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="140" />
        <source>The central journal does not match what this workstation saw.</source>
        <translation>中心日志与本工作站所见不一致。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="142" />
        <source>%1 (raised %2)</source>
        <translation>%1（告警时间 %2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="153" />
        <source>Not sent yet: the central database could not be reached.</source>
        <translation>尚未发送：无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="176" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="177" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="178" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="179" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="180" />
        <source>Journal no.</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="181" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="183" />
        <source>Reason / last error</source>
        <translation>原因 / 最近错误</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="196" />
        <source>Sync now (F5)</source>
        <translation>立即同步（F5）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="198" />
        <source>Rejection handled</source>
        <translation>退回已处理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="202" />
        <source>Retry quarantined</source>
        <translation>重新发送已隔离业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="205" />
        <source>Put the command back in the queue once its cause has been repaired.</source>
        <translation>问题修复后，将该业务重新放回待发送队列。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="217" />
        <source>Alarm noted</source>
        <translation>告警已知悉</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="220" />
        <source>The alarm has been seen and passed on; stop showing it.</source>
        <translation>告警已查看并已上报；不再显示。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="305" />
        <source>%1 waiting for the central database, %2 rejected</source>
        <translation>%1 笔等待中心确认，%2 笔被退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="310" />
        <source>, %1 quarantined</source>
        <translation>，%1 笔已隔离</translation>
    </message>
</context>
<context>
    <name>TellerWindow</name>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="76" />
        <source>Social Insurance Integrated Counter — Window %1 — %2 (%3)</source>
        <translation>社保综合柜员系统 — %1 号窗口 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="95" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="100" />
        <source>Proof of insurance</source>
        <translation>参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="105" />
        <source>Today's business</source>
        <translation>今日业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="110" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="112" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="116" />
        <source>Rating follow-ups</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="119" />
        <source>Offline authorizations</source>
        <translation>离线授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="164" />
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="165" />
        <source>Identify customer</source>
        <translation>识别办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="169" />
        <source>New customer</source>
        <translation>新办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="173" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="177" />
        <source>Verify a certificate…</source>
        <translation>核验证明…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="181" />
        <source>Log out and quit</source>
        <translation>注销并退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="185" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="186" />
        <location filename="../../counter_app/ui/main_window.py" line="198" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="199" />
        <source>Social Insurance Integrated Counter %1
Workstation %2, hall %3</source>
        <translation>社保综合柜员系统 %1
工作站 %2，大厅 %3</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="217" />
        <source>Unsaved input</source>
        <translation>有未保存的录入</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="219" />
        <source>The enrollment form holds input that was not accepted. Discard it and go on to the next customer?</source>
        <translation>参保登记表中有尚未受理的录入内容。是否放弃这些内容并接待下一位办事人？</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="48" />
        <source>Transfer ticket %1</source>
        <translation>转移 %1 号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="51" />
        <source>To a category</source>
        <translation>转到业务类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="53" />
        <source>To a window</source>
        <translation>转到指定窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="60" />
        <source>Choose a category…</source>
        <translation>请选择业务类别…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="73" />
        <source>Transfer</source>
        <translation>确认转移</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="87" />
        <source>Where should ticket %1 go?</source>
        <translation>%1 号转到哪里？</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="106" />
        <source>Choose a window…</source>
        <translation>请选择窗口…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="108" />
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="141" />
        <source>No other window of this hall is known yet.</source>
        <translation>暂未获知本大厅的其他窗口。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="145" />
        <source>%1 goes back to the queue as %2 and keeps its original place.</source>
        <translation>%1 号以“%2”重新排队，保留原排队次序。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="151" />
        <source>%1 goes back to the queue; only window %2 will call it.</source>
        <translation>%1 号重新排队，只由 %2 号窗口呼叫。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/transfer_dialog.py" line="156" />
        <location filename="../../counter_app/ui/transfer_dialog.py" line="162" />
        <source>Choose a category or a window.</source>
        <translation>请选择业务类别或窗口。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="47" />
        <source>Verify a certificate</source>
        <translation>证明核验</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="51" />
        <source>Type the code or scan the QR code</source>
        <translation>输入验证码或扫描二维码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="53" />
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="71" />
        <source>Type the verification code or scan the certificate's QR code.</source>
        <translation>请输入验证码，或扫描证明上的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="74" />
        <source>A verification code has %1 characters; this one has %2.</source>
        <translation>验证码应为 %1 位，当前输入为 %2 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="80" />
        <source>The code is mistyped: its check character does not match. Please re-read it.</source>
        <translation>验证码有误：校验位不符，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="84" />
        <source>This QR code is on the acceptance receipt of case %1, not on a certificate.</source>
        <translation>此二维码来自受理回执（受理编号 %1），不是参保证明的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="87" />
        <source>A verification code has no characters like %1.</source>
        <translation>验证码中不含 %1 这样的字符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="90" />
        <source>This is not a certificate's verification code.</source>
        <translation>这不是参保证明的验证码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="103" />
        <source>Asking the central service…</source>
        <translation>正在查询中心服务…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="112" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="113" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="114" />
        <source>Insured number</source>
        <translation>个人参保编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="115" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="116" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="117" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="118" />
        <source>Insured staff</source>
        <translation>参保人数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="119" />
        <source>Data as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="131" />
        <source>since %1</source>
        <translation>%1 起参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="138" />
        <source>No certificate was issued with this verification code.</source>
        <translation>没有以此验证码出具的证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="140" />
        <source>The certificate is not recorded in the central journal.</source>
        <translation>中心数据库的业务流水中没有该证明的记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="142" />
        <source>The journal entry %1 of this certificate has been altered.</source>
        <translation>该证明的业务流水（流水号 %1）已被改动。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="147" />
        <source>The certificate's content differs from what was recorded when it was issued.</source>
        <translation>该证明的内容与出具时记录的不一致。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="149" />
        <source>The central journal does not confirm this certificate.</source>
        <translation>中心数据库的业务流水无法证实该证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="154" />
        <source>NOT genuine: %1</source>
        <translation>核验未通过：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="159" />
        <source>Genuine. Journal entry %1.</source>
        <translation>核验通过。流水号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="160" />
        <source>Issued %1 by %2 in %3.</source>
        <translation>%1 由 %2 在 %3 出具。</translation>
    </message>
</context>
</TS>

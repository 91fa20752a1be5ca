<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthorizeDialog</name>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="26" />
        <source>Supervisor authorization</source>
        <translation>领导授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="35" />
        <source>Supervisor</source>
        <translation>授权人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/authorize_dialog.py" line="36" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="20" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="21" />
        <source>Case no.</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="21" />
        <source>pending</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="22" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="23" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="24" />
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/cases_tab.py" line="25" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CertificateTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="55" />
        <source>Personal proof of insurance</source>
        <translation>个人参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="56" />
        <source>Employer proof of insurance</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="59" />
        <source>ID number or credit code</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="60" />
        <source>Issue and preview</source>
        <translation>出具并预览</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="63" />
        <source>Reprint (needs authorization)</source>
        <translation>补打（需授权）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="66" />
        <source>Verify a code…</source>
        <translation>核验验证码…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="73" />
        <source>Certificate</source>
        <translation>证明类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="74" />
        <source>For</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="98" />
        <source>Asking the central database…</source>
        <translation>正在查询中心数据库…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="118" />
        <source>Issued with verification code %1 (journal entry %2).</source>
        <translation>已出具，验证码 %1（流水号 %2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="139" />
        <source>A reprint (补打) needs a supervisor.</source>
        <translation>补打证明需要领导现场授权。</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="17" />
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="42" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="44" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="46" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="52" />
        <source>Pending sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="55" />
        <source>(oldest %1 min)</source>
        <translation>（最早 %1 分钟前）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/status_bar.py" line="57" />
        <source>Rejected: %1</source>
        <translation>被退回：%1</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="49" />
        <source>18-digit ID number (F2)</source>
        <translation>18 位身份证号码（F2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="52" />
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="62" />
        <source>Customer</source>
        <translation>办事群众</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="66" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="67" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="68" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="69" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="70" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="71" />
        <source>Insured number</source>
        <translation>个人参保编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="72" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="73" />
        <source>Insurance held</source>
        <translation>已参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="74" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="85" />
        <source>Cases of this person</source>
        <translation>本人业务记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="106" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="126" />
        <source>Not found in the registry: a new person can be enrolled.</source>
        <translation>人员库中无此人，可办理新参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="131" />
        <source>Found in the local cache.</source>
        <translation>已在本机缓存中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="133" />
        <source>Found in the central registry.</source>
        <translation>已在中心人员库中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="143" />
        <source>assigned after sync</source>
        <translation>同步后分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="143" />
        <source>not insured</source>
        <translation>未参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="147" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="147" />
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>EnrollmentTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="102" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="103" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="104" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="105" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="106" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="107" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="108" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="109" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="126" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="129" />
        <source>New (Ctrl+N)</source>
        <translation>新建（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="131" />
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="146" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="241" />
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="305" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="252" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="264" />
        <source>Accepted. The enrollment is saved on this workstation and waits for the central database (case %1).</source>
        <translation>已受理。参保登记已保存在本机，等待中心数据库确认（业务 %1）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="279" />
        <source>%1 (central number pending)</source>
        <translation>%1（中心编号待分配）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="39" />
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="45" />
        <source>The central database cannot be reached.</source>
        <translation>无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="47" />
        <source>The system keyring is not usable.</source>
        <translation>系统密钥环不可用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="50" />
        <source>The configuration file is not valid.</source>
        <translation>配置文件无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="55" />
        <source>An unexpected error occurred; it has been logged.</source>
        <translation>发生意外错误，已记录日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="62" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="63" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="64" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="65" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="66" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="67" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="68" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="69" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="77" />
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="78" />
        <source>The length is wrong.</source>
        <translation>长度不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="79" />
        <source>The format is wrong.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="80" />
        <source>The birth date in the ID number is impossible.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="81" />
        <source>The value is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="82" />
        <source>The person is too young to be enrolled as a worker.</source>
        <translation>未达到法定劳动年龄，不能以职工或灵活就业身份参保。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="83" />
        <source>This is not allowed for the chosen category.</source>
        <translation>所选参保类别不允许此项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="84" />
        <source>Choose one of the offered values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="85" />
        <source>This value is unknown.</source>
        <translation>该值不存在。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="88" />
        <source>The check digit is wrong (it should be %1); please re-read the number.</source>
        <translation>校验位错误（应为 %1），请重新核对证件号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="96" />
        <source>This person is already enrolled.</source>
        <translation>此人已参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="97" />
        <source>No insured employer has this credit code.</source>
        <translation>没有使用该统一社会信用代码的参保单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="98" />
        <source>The registry holds another name for this ID number; a key-data correction is needed first.</source>
        <translation>该身份证号码登记的姓名不同，请先办理关键信息更正。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="109" />
        <source>Too many wrong passwords. The account is locked until %1.</source>
        <translation>密码错误次数过多，账号已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="113" />
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="115" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="122" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="36" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="37" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="38" />
        <source>Teller</source>
        <translation>综合柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="39" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="50" />
        <source>What was done (mandatory)</source>
        <translation>处理情况（必填）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="51" />
        <source>Close follow-up</source>
        <translation>办结回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="71" />
        <source>Select a follow-up first.</source>
        <translation>请先选择一条回访记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/follow_ups_tab.py" line="87" />
        <source>Closed.</source>
        <translation>已办结。</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="34" />
        <source>Hall display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="44" />
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="86" />
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="112" />
        <source>Waiting: %1</source>
        <translation>等候：%1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="40" />
        <source>Take a number</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="42" />
        <source>Please choose your business</source>
        <translation>请选择办理业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="64" />
        <source>Optional: ID number (seniors are served with priority)</source>
        <translation>可选：输入身份证号码（老年人自动优先）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="128" />
        <source>Your number: %1</source>
        <translation>您的号码：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="130" />
        <source>No ticket printer is set up; please remember your number.</source>
        <translation>本机未配置号票打印机，请记住您的号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/kiosk.py" line="132" />
        <source>The ticket could not be printed; please remember your number.</source>
        <translation>号票打印失败，请记住您的号码。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="14" />
        <source>Teller</source>
        <translation>综合柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="15" />
        <source>Reviewer</source>
        <translation>复核员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="16" />
        <source>Supervisor</source>
        <translation>科长</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="17" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="23" />
        <source>Pension</source>
        <translation>养老</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="24" />
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="25" />
        <source>Unemployment</source>
        <translation>失业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="26" />
        <source>Work injury</source>
        <translation>工伤</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="27" />
        <source>Maternity</source>
        <translation>生育</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="33" />
        <source>Employee</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="34" />
        <source>Flexible employment</source>
        <translation>灵活就业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="35" />
        <source>Urban and rural resident</source>
        <translation>城乡居民</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="40" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="40" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="45" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="46" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="47" />
        <location filename="../../counter_app/ui/roles_text.py" line="58" />
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="53" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="54" />
        <source>In review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="55" />
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="56" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="57" />
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="64" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="65" />
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="66" />
        <source>Hall set-up</source>
        <translation>大厅设置</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="70" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="73" />
        <source>The screen is locked. %1, enter your password to continue.</source>
        <translation>屏幕已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="84" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="41" />
        <source>Social Insurance Counter — Log in</source>
        <translation>社保综合柜员系统 — 登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="44" />
        <source>Social Insurance Integrated Counter</source>
        <translation>社保综合柜员系统</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="63" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="64" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="65" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="71" />
        <source>Connecting to the central database…</source>
        <translation>正在连接中心数据库…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="77" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="81" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="98" />
        <source>Central database connected.</source>
        <translation>中心数据库已连接。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="101" />
        <source>Offline: the central database cannot be reached.</source>
        <translation>离线：无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="107" />
        <source>No users are known on this workstation yet; it must reach the central database once before anyone can log in.</source>
        <translation>本机尚无用户信息，须先连接一次中心数据库才能登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="121" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>PrintJobsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="24" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="25" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="26" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="27" />
        <source>Reference</source>
        <translation>业务编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="28" />
        <source>Reprint</source>
        <translation>补打授权人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="29" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="30" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="41" />
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="55" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="56" />
        <source>Failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="57" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/print_jobs_tab.py" line="75" />
        <source>%1 failed job(s) waiting</source>
        <translation>%1 个打印失败的任务待处理</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="71" />
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="78" />
        <source>System printer…</source>
        <translation>系统打印机…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="91" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="94" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="98" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="128" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="139" />
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="144" />
        <source>The printer failed: %1. The job is kept; retry or choose another printer.</source>
        <translation>打印失败：%1。打印任务已保留，可重试或改用其他打印机。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="170" />
        <source>Sent to the system printer.</source>
        <translation>已发送到系统打印机。</translation>
    </message>
</context>
<context>
    <name>QueueDock</name>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="43" />
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="60" />
        <location filename="../../counter_app/ui/queue_dock.py" line="200" />
        <location filename="../../counter_app/ui/queue_dock.py" line="216" />
        <source>No ticket</source>
        <translation>当前无号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="73" />
        <source>Call next (F9)</source>
        <translation>叫号（F9）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="74" />
        <source>Recall (F10)</source>
        <translation>重呼（F10）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="75" />
        <source>Start (F11)</source>
        <translation>开始办理（F11）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="76" />
        <source>Finish (F12)</source>
        <translation>办结（F12）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="77" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="78" />
        <source>Back to queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="79" />
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="80" />
        <source>Transfer to</source>
        <translation>转移到</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="81" />
        <source>Serve a walk-in</source>
        <translation>无号办理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="82" />
        <source>Pause / resume</source>
        <translation>暂停/恢复</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="102" />
        <source>Lunch</source>
        <translation>午休</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="103" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="104" />
        <source>Back office</source>
        <translation>后台业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="105" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="195" />
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候群众。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="200" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="218" />
        <source>Called — waiting for the customer</source>
        <translation>已叫号，等候群众到窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="219" />
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="220" />
        <source>On hold</source>
        <translation>挂起中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="227" />
        <source>Walk-in customers can still be served.</source>
        <translation>无号群众仍可直接办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="247" />
        <source>Queue offline: the central database cannot be reached.</source>
        <translation>叫号离线：无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="256" />
        <source>Waiting: %1</source>
        <translation>等候：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="259" />
        <source>Longest wait: %1 min</source>
        <translation>最长等候：%1 分钟</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/queue_dock.py" line="266" />
        <source>Today: %1 served, %2 min on average, ratings %3 good / %4 bad</source>
        <translation>今日已办 %1 笔，平均 %2 分钟，好评 %3 / 差评 %4</translation>
    </message>
</context>
<context>
    <name>RatingWindow</name>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="27" />
        <source>Please rate our service</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="28" />
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/rating_window.py" line="59" />
        <source>Thank you!</source>
        <translation>谢谢您的评价！</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="38" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="39" />
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="40" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="41" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="42" />
        <source>Journal no.</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="43" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="44" />
        <source>Reason / last error</source>
        <translation>原因 / 最近错误</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="54" />
        <source>Sync now (F5)</source>
        <translation>立即同步（F5）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="56" />
        <source>Mark rejection as handled</source>
        <translation>标记退回已处理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/sync_tab.py" line="95" />
        <source>%1 waiting for the central database, %2 rejected</source>
        <translation>%1 笔等待中心确认，%2 笔被退回</translation>
    </message>
</context>
<context>
    <name>TellerWindow</name>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="55" />
        <source>Social Insurance Integrated Counter — Window %1 — %2 (%3)</source>
        <translation>社保综合柜员系统 — %1 号窗口 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="71" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="76" />
        <source>Proof of insurance</source>
        <translation>参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="81" />
        <source>Today's cases</source>
        <translation>今日业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="85" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="87" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="91" />
        <source>Rating follow-ups</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="137" />
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="138" />
        <source>Identify customer</source>
        <translation>识别办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="142" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="146" />
        <source>Verify a certificate…</source>
        <translation>核验证明…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="150" />
        <source>Log out and quit</source>
        <translation>注销并退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="154" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="155" />
        <location filename="../../counter_app/ui/main_window.py" line="167" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="168" />
        <source>Social Insurance Integrated Counter %1
Workstation %2, hall %3</source>
        <translation>社保综合柜员系统 %1
工作站 %2，大厅 %3</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="28" />
        <source>Verify a certificate</source>
        <translation>证明核验</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="34" />
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="53" />
        <source>Asking the central database…</source>
        <translation>正在查询中心数据库…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="60" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="61" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="62" />
        <source>Insured number</source>
        <translation>个人参保编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="63" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="64" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="65" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="66" />
        <source>Insured staff</source>
        <translation>参保人数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="67" />
        <source>Data as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="79" />
        <source>since %1</source>
        <translation>%1 起参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="85" />
        <source>NOT genuine: %1</source>
        <translation>核验未通过：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="90" />
        <source>Genuine. Journal entry %1.</source>
        <translation>核验通过。流水号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/verify_dialog.py" line="91" />
        <source>Issued %1 by %2 in %3.</source>
        <translation>%1 由 %2 在 %3 出具。</translation>
    </message>
</context>
</TS>
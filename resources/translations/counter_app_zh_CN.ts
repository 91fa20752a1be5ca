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
    <name>BackPaymentForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="95" />
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="105" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="96" />
        <source>Month owed (YYYY-MM)</source>
        <translation>欠缴月份（年-月）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="97" />
        <source>Wage of the month (yuan)</source>
        <translation>当月工资（元）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="109" />
        <source>Add these months</source>
        <translation>添加这些月份</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="112" />
        <source>Remove the selected rows</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="117" />
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="119" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="135" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="137" />
        <source>Region</source>
        <translation>统筹地区</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="138" />
        <source>Payment date</source>
        <translation>缴款日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="139" />
        <source>Reason</source>
        <translation>补缴原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="141" />
        <source>Insurance types</source>
        <translation>险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="145" />
        <source>Work-injury industry class</source>
        <translation>工伤保险行业类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="148" />
        <source>Months owed</source>
        <translation>欠缴月份</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="263" />
        <source>%1 %2: contributions owed</source>
        <translation>%1 %2：欠缴本金</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="271" />
        <source>    late fee: %1 days from %2 at 0.05 % a day</source>
        <translation>    滞纳金：自 %2 起 %1 天，按日万分之五</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="280" />
        <source>Contributions owed</source>
        <translation>本金合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="281" />
        <source>Late fees</source>
        <translation>滞纳金合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/back_payment_form.py" line="282" />
        <source>Total due</source>
        <translation>应缴总额</translation>
    </message>
</context>
<context>
    <name>BaseDeclarationForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="76" />
        <source>18-character credit code</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="89" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="90" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="91" />
        <source>Average monthly wage (yuan)</source>
        <translation>月平均工资（元）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="95" />
        <source>Add a staff member</source>
        <translation>添加职工</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="98" />
        <source>Remove the selected row</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="114" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="117" />
        <source>Region</source>
        <translation>统筹地区</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="120" />
        <source>Applies from (to December)</source>
        <translation>执行起始年月（至当年12月）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="125" />
        <source>Insurance types</source>
        <translation>险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="130" />
        <source>Work-injury industry class</source>
        <translation>工伤保险行业类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="133" />
        <source>Staff</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="256" />
        <source>Base limits of %1</source>
        <translation>%1年缴费基数上下限</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="267" />
        <source>wage %1 is below the lower limit: clamped</source>
        <translation>工资 %1 低于下限，按下限核定</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="269" />
        <source>wage %1 is above the upper limit: clamped</source>
        <translation>工资 %1 高于上限，按上限核定</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="271" />
        <source>wage %1</source>
        <translation>工资 %1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="275" />
        <source>base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="281" />
        <source>    employer / individual a month</source>
        <translation>    单位／个人 每月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="287" />
        <source>Employer's share a month</source>
        <translation>单位每月缴费合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="291" />
        <source>Staff's share a month</source>
        <translation>个人每月缴费合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/base_declaration_form.py" line="295" />
        <source>Total for %1 months</source>
        <translation>%1 个月缴费总额</translation>
    </message>
</context>
<context>
    <name>CardStatusForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="56" />
        <source>YYYY-MM-DD (if known)</source>
        <translation>年-月-日（如记得）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="63" />
        <source>Action</source>
        <translation>办理类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="64" />
        <source>Date lost</source>
        <translation>丢失日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="66" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="69" />
        <source>Reason</source>
        <translation>补换原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="70" />
        <source>Card on record</source>
        <translation>现有社保卡</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="87" />
        <source>Report the loss</source>
        <translation>正式挂失</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="88" />
        <source>Cancel the loss report</source>
        <translation>解除挂失</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="89" />
        <source>Lost</source>
        <translation>丢失补领</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="90" />
        <source>Damaged</source>
        <translation>损坏换领</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="91" />
        <source>Expired</source>
        <translation>有效期满换发</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="140" />
        <source>No card of this person in this workstation's records; the central database checks it.</source>
        <translation>本机记录中没有该人员的社保卡，由中心数据库核查。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="146" />
        <source>in use</source>
        <translation>正常使用</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="147" />
        <source>reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="148" />
        <source>new card being made</source>
        <translation>新卡制作中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/card_status_form.py" line="151" />
        <source>%1, %2 since %3</source>
        <translation>%1，自%3起%2</translation>
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
    <name>CatalogueNotice</name>
    <message>
        <location filename="../../counter_app/ui/catalogue_notice.py" line="33" />
        <source>Apply now</source>
        <translation>立即更新</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/catalogue_notice.py" line="36" />
        <source>Switch the forms still in use to the new catalogue version now.</source>
        <translation>现在就将仍在使用的表单切换到新版服务目录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/catalogue_notice.py" line="52" />
        <source>The service catalogue was updated to version %1; it takes effect in %2 once the form in progress there is finished.</source>
        <translation>服务目录已更新到版本 %1，%2 中正在办理的表单办结后生效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/catalogue_notice.py" line="56" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CertificateTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="108" />
        <source>Personal proof of insurance</source>
        <translation>个人参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="109" />
        <source>Employer proof of insurance</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="115" />
        <source>ID number or credit code</source>
        <translation>身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="116" />
        <source>Issue and preview</source>
        <translation>出具并预览</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="119" />
        <source>Reprint… (needs authorization)</source>
        <translation>补打…（需领导授权）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="122" />
        <source>Verify a code…</source>
        <translation>核验验证码…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="146" />
        <source>Certificate</source>
        <translation>证明类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="147" />
        <source>For</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="181" />
        <source>Mandatory materials are missing: give the one-time notification instead.</source>
        <translation>缺少必需材料：请改为出具一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="205" />
        <source>Mandatory materials are missing: %1. Print the one-time notification listing them; the certificate is issued when they are handed in.</source>
        <translation>缺少必需材料：%1。请打印列明所缺材料的一次性告知书；材料补齐后再出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="284" />
        <source>Asking the central service…</source>
        <translation>正在查询中心服务…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="330" />
        <source>Issued with verification code %1 (journal entry %2).</source>
        <translation>已出具，验证码 %1（流水号 %2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/certificate_tab.py" line="365" />
        <source>A reprint of certificate %1 needs a supervisor.</source>
        <translation>补打证明 %1 需要领导现场授权。</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="44" />
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="49" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="45" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="46" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="47" />
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="50" />
        <source>A window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="51" />
        <source>A teller</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="52" />
        <source>An item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="55" />
        <source>Which window, teller or item</source>
        <translation>哪个窗口、哪位工作人员或哪项业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="57" />
        <source>Anonymous (nothing of the customer is recorded)</source>
        <translation>匿名（不记录投诉人信息）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="64" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="68" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="69" />
        <source>About</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="70" />
        <source>Which one</source>
        <translation>具体对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="71" />
        <source>What the customer says</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="72" />
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="73" />
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="74" />
        <source>Telephone for the answer</source>
        <translation>回复电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/complaint_form.py" line="75" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="56" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="57" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="58" />
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="61" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="62" />
        <source>Teller</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="63" />
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="67" />
        <source>Case</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="67" />
        <source>(number pending)</source>
        <translation>（编号待同步）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="68" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="70" />
        <source>About</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="73" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="74" />
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="75" />
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="76" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="77" />
        <source>What the customer says</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="91" />
        <source>The answer given to the customer (mandatory)</source>
        <translation>给群众的答复（必填）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="93" />
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="102" />
        <source>Only a supervisor answers complaints.</source>
        <translation>投诉建议由科长等负责人答复。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="116" />
        <source>%1 (overdue)</source>
        <translation>%1（已超期）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="118" />
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="145" />
        <source>Select a complaint first.</source>
        <translation>请先选择一条投诉建议。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="150" />
        <source>Enter the answer given to the customer.</source>
        <translation>请填写给群众的答复。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/complaints_tab.py" line="162" />
        <source>Answered; the central database will confirm it.</source>
        <translation>已答复，待中心数据库确认。</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="53" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="56" />
        <source>Referred on (the answer follows later)</source>
        <translation>已转办（稍后答复）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="59" />
        <source>Optional: the visitor may stay anonymous</source>
        <translation>选填：来访群众可匿名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="63" />
        <source>Topic</source>
        <translation>咨询类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="64" />
        <source>Question</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="65" />
        <source>Answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="66" />
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/consultation_form.py" line="67" />
        <source>ID number</source>
        <translation>身份证号码</translation>
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
        <location filename="../../counter_app/ui/customer_panel.py" line="148" />
        <source>ID number, name, pinyin or initials (F2)</source>
        <translation>身份证号码、姓名、拼音或首字母（F2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="153" />
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="155" />
        <source>Read card</source>
        <translation>读卡</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="180" />
        <source>Employer: credit code or name</source>
        <translation>单位：统一社会信用代码或名称</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="183" />
        <source>Find employer</source>
        <translation>查找单位</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="201" />
        <source>Recent customers</source>
        <translation>最近办事群众</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="213" />
        <source>Customer</source>
        <translation>办事群众</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="219" />
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="220" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="221" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="222" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="223" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="224" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="225" />
        <source>Insured number</source>
        <translation>个人参保编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="226" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="227" />
        <source>Insurance held</source>
        <translation>已参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="228" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="247" />
        <source>The customer asks to check the number</source>
        <translation>群众要求核对号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="248" />
        <source>Comparing with a paper document</source>
        <translation>与纸质材料核对</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="249" />
        <source>Correcting registration data</source>
        <translation>更正登记信息</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="254" />
        <source>Reason for showing in full</source>
        <translation>查看完整信息的原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="255" />
        <source>Employer</source>
        <translation>参保单位</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="257" />
        <location filename="../../counter_app/ui/customer_panel.py" line="279" />
        <source>Insurance</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="273" />
        <source>Open cases</source>
        <translation>在办业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="278" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="280" />
        <source>Base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="281" />
        <source>Employer part</source>
        <translation>单位缴纳</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="282" />
        <source>Individual part</source>
        <translation>个人缴纳</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="283" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="299" />
        <source>Contributions, last 12 months</source>
        <translation>近12个月缴费记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="308" />
        <source>Cases of this person</source>
        <translation>本人业务记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="336" />
        <source>Show in full</source>
        <translation>显示完整</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="341" />
        <location filename="../../counter_app/ui/customer_panel.py" line="733" />
        <source>Only reviewers and supervisors may see ID numbers and phones in full.</source>
        <translation>只有复核员和科长可以查看完整的证件号码和电话。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="404" />
        <source>Type an ID number, a name, its pinyin or its initials.</source>
        <translation>请输入身份证号码、姓名、姓名拼音或拼音首字母。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="423" />
        <source>Nobody in this workstation's records matches.</source>
        <translation>本机记录中没有符合条件的人员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="428" />
        <source>%1 or more match: type more, or choose with the arrow keys.</source>
        <translation>至少%1人符合：请继续输入，或用方向键选择。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="434" />
        <source>%1 found: choose one with the arrow keys and Enter.</source>
        <translation>找到%1人：请用方向键选择后按回车。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="515" />
        <location filename="../../counter_app/ui/customer_panel.py" line="525" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="529" />
        <source>No case with this receipt's number is known here.</source>
        <translation>本机没有此回执编号的业务记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="543" />
        <source>Electronic social security card codes cannot be checked at this workstation: no verifier is configured.</source>
        <translation>本机无法核验电子社保卡二维码：未配置核验方式。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="558" />
        <source>The electronic social security card code has expired. Ask the customer to refresh it on the phone and scan it again.</source>
        <translation>电子社保卡二维码已过期，请群众在手机上刷新后重新扫码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="562" />
        <source>The electronic social security card code is not genuine: it was not issued for this hall or was altered. The customer is not identified.</source>
        <translation>电子社保卡二维码无效：不是为本大厅签发或已被篡改，未识别该群众。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="566" />
        <source>The electronic social security card code carries an invalid ID number.</source>
        <translation>电子社保卡二维码中的身份证号码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="570" />
        <source>This is not a readable electronic social security card code.</source>
        <translation>这不是可识别的电子社保卡二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="577" />
        <source>No card reader is configured at this workstation.</source>
        <translation>本机未配置读卡器。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="579" />
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="589" />
        <source>There is no card on the reader.</source>
        <translation>读卡器上没有卡。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="595" />
        <source>The card carries an invalid ID number.</source>
        <translation>卡内身份证号码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="602" />
        <source>The card reader failed:</source>
        <translation>读卡器故障：</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="656" />
        <source>No employer in this workstation's records matches.</source>
        <translation>本机记录中没有符合条件的单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="663" />
        <source>%1 employers found: choose one.</source>
        <translation>找到%1个单位，请选择一个。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="721" />
        <source>Recent customers (%1)</source>
        <translation>最近办事群众（%1）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="738" />
        <source>Give the reason for showing it in full.</source>
        <translation>请填写查看完整信息的原因。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="751" />
        <source>Shown in full; this is recorded in the journal.</source>
        <translation>已显示完整信息，此操作已记入日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="823" />
        <source>Not found in the registry: a new person can be enrolled.</source>
        <translation>人员库中无此人，可办理新参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="827" />
        <source>Found in the local cache.</source>
        <translation>已在本机缓存中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="829" />
        <source>Found in the central registry.</source>
        <translation>已在中心人员库中找到。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="836" />
        <source>The card gives the name %1, the registry %2: check the person.</source>
        <translation>卡上姓名为%1，人员库中为%2，请核实身份。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="850" />
        <source>assigned after sync</source>
        <translation>同步后分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="850" />
        <source>not insured</source>
        <translation>未参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="856" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="856" />
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="889" />
        <source>No open cases.</source>
        <translation>没有在办业务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="892" />
        <source>No contributions recorded.</source>
        <translation>没有缴费记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="900" />
        <location filename="../../counter_app/ui/customer_panel.py" line="902" />
        <source>Held</source>
        <translation>已参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="900" />
        <location filename="../../counter_app/ui/customer_panel.py" line="906" />
        <source>Not held</source>
        <translation>未参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="903" />
        <source>Suspended</source>
        <translation>暂停参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="904" />
        <location filename="../../counter_app/ui/customer_panel.py" line="905" />
        <source>Stopped</source>
        <translation>终止参保</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="909" />
        <source>since %1</source>
        <translation>自%1起</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="915" />
        <source>number pending</source>
        <translation>编号待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="917" />
        <source>no promised date until the materials are complete</source>
        <translation>材料补齐后确定承诺办结日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="919" />
        <source>promised by %1</source>
        <translation>承诺%1前办结</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="921" />
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="934" />
        <source>Declared</source>
        <translation>已申报</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="935" />
        <source>Due</source>
        <translation>待缴</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="936" />
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="937" />
        <source>In arrears</source>
        <translation>欠缴</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/customer_panel.py" line="938" />
        <source>Other state</source>
        <translation>其他状态</translation>
    </message>
</context>
<context>
    <name>EmployerRegisterForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="70" />
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="74" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="79" />
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="86" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="87" />
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="88" />
        <source>Type of employer</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="89" />
        <source>Industry (GB/T 4754)</source>
        <translation>行业类别（GB/T 4754）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="92" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="95" />
        <source>Date of establishment</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="96" />
        <source>Office address</source>
        <translation>办公地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="97" />
        <source>Contact person</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="98" />
        <source>Contact telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/employer_register_form.py" line="61" />
        <source>Register (Ctrl+Enter)</source>
        <translation>登记（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>EnrollmentTab</name>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="141" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="142" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="143" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="144" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="145" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="146" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="147" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="148" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="181" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="184" />
        <source>New customer (Ctrl+N)</source>
        <translation>新办事人 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="187" />
        <source>Print receipt (Ctrl+P)</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="206" />
        <source>Individual enrollment</source>
        <translation>个人参保登记</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="343" />
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="490" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="352" />
        <source>Mandatory materials are missing: %1. Print the one-time notification listing them; the enrollment is accepted when they are handed in.</source>
        <translation>缺少必需材料：%1。请打印一次性告知书列明所缺材料，材料补齐后即予办理参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="373" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="413" />
        <source>Accepted and confirmed by the central database: case %1.</source>
        <translation>已受理，中心数据库已确认：受理编号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="420" />
        <source>The central database refused this enrollment: %1</source>
        <translation>中心数据库拒绝了此次参保登记：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="424" />
        <source>It stays listed in the Sync tab until it is marked as handled.</source>
        <translation>该记录保留在“同步”页中，直至标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="430" />
        <source>Accepted. The enrollment is saved on this workstation and waits for the central database (case %1).</source>
        <translation>已受理。参保登记已保存在本机，等待中心数据库确认（业务 %1）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="440" />
        <source>Promised completion by %1 (provisional: counted on the statutory holidays only, because the State Council has not yet published the holiday arrangement for that period).</source>
        <translation>承诺办结：%1前（暂按法定节假日推算：国务院尚未公布该期间的放假安排，以国务院公布的放假安排为准）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="445" />
        <source>Promised completion by %1.</source>
        <translation>承诺办结：%1前。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/tabs/enrollment_tab.py" line="467" />
        <source>%1 (central number pending)</source>
        <translation>%1（中心编号待分配）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="219" />
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="56" />
        <source>The central database cannot be reached.</source>
        <translation>无法连接中心数据库。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="58" />
        <source>The system keyring is not usable.</source>
        <translation>系统密钥环不可用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="61" />
        <source>The configuration file is not valid.</source>
        <translation>配置文件无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="66" />
        <source>An unexpected error occurred; it has been logged.</source>
        <translation>发生意外错误，已记录日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="79" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="91" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="92" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="93" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="94" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="95" />
        <source>Category</source>
        <translation>参保类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="96" />
        <source>Insurance types</source>
        <translation>参保险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="97" />
        <source>Start date</source>
        <translation>参保日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="98" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="99" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="100" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="101" />
        <source>Rows of the roster</source>
        <translation>名单行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="103" />
        <source>Person or employer certified</source>
        <translation>证明对象</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="104" />
        <source>Kind of certificate</source>
        <translation>证明种类</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="105" />
        <source>Verification code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="106" />
        <source>Date of the certified data</source>
        <translation>证明数据截止日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="108" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="109" />
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="111" />
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="112" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="113" />
        <source>Window numbers</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="114" />
        <source>Transfer to</source>
        <translation>转移去向</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="115" />
        <source>Reason for the pause</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="116" />
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="117" />
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="118" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="120" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="121" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="122" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="123" />
        <source>Hall</source>
        <translation>服务大厅</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="125" />
        <source>Life event</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="126" />
        <source>Life events of the catalogue</source>
        <translation>目录中的“一件事”</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="127" />
        <location filename="../../counter_app/ui/errors.py" line="151" />
        <source>Catalogue version</source>
        <translation>目录版本</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="128" />
        <source>Date of the change</source>
        <translation>变动日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="129" />
        <source>Contact letter number</source>
        <translation>联系函编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="130" />
        <source>Catalogue fingerprint</source>
        <translation>目录校验值</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="131" />
        <source>Contributions</source>
        <translation>缴费记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="132" />
        <source>Groups of the catalogue</source>
        <translation>目录分组</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="133" />
        <source>Heir's ID number</source>
        <translation>继承人身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="134" />
        <source>Heir's name</source>
        <translation>继承人姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="135" />
        <source>Heir's relation</source>
        <translation>与参保人关系</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="136" />
        <source>Place of household registration</source>
        <translation>户籍所在地</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="137" />
        <source>Household registration type</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="138" />
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="139" />
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="140" />
        <source>Items of the catalogue</source>
        <translation>目录事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="141" />
        <source>Months</source>
        <translation>月份明细</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="142" />
        <source>Materials</source>
        <translation>办理材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="143" />
        <source>New birth date</source>
        <translation>更正后出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="144" />
        <source>New ID number</source>
        <translation>更正后身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="145" />
        <source>New name</source>
        <translation>更正后姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="146" />
        <source>New sex</source>
        <translation>更正后性别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="147" />
        <source>Items</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="148" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="149" />
        <source>Source of the amounts</source>
        <translation>金额来源</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="150" />
        <source>Staff</source>
        <translation>职工名单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="152" />
        <source>Wage</source>
        <translation>工资</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="153" />
        <source>What to show</source>
        <translation>显示内容</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="154" />
        <source>Industry risk class</source>
        <translation>行业风险类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="155" />
        <source>Yearly sums</source>
        <translation>年度合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="157" />
        <source>Queue settings of this workstation</source>
        <translation>本机排队叫号配置</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="158" />
        <source>Printer settings of this workstation</source>
        <translation>本机打印机配置</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="193" />
        <source>serve customers</source>
        <translation>叫号接待</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="194" />
        <source>accept cases</source>
        <translation>业务受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="195" />
        <source>review cases</source>
        <translation>业务复核</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="196" />
        <source>approve cases</source>
        <translation>业务审批</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="197" />
        <source>authorize on the spot</source>
        <translation>现场授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="198" />
        <source>view full ID numbers</source>
        <translation>查看完整证件号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="199" />
        <source>manage users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="200" />
        <source>synchronise with the central database</source>
        <translation>与中心数据库同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="214" />
        <source>This account is unknown or disabled.</source>
        <translation>该账号不存在或已停用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="216" />
        <source>Only the administration tool may do this.</source>
        <translation>此操作只能通过系统管理工具执行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="221" />
        <source>You are not allowed to do this: your role may not %1.</source>
        <translation>您无权执行此操作：您的角色没有“%1”权限。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="269" />
        <source>Enter the ID number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="272" />
        <source>Character %1 of the ID number, “%2” (%3), is not allowed: an ID number has only digits and, as its last character, X.</source>
        <translation>身份证号码第 %1 位“%2”（%3）不是有效字符：身份证号码只能由数字组成，仅末位可以是 X。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="283" />
        <source>An ID number has 18 characters; %1 were entered.</source>
        <translation>身份证号码应为 18 位，实际输入了 %1 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="286" />
        <source>Only the last character of an ID number may be X.</source>
        <translation>身份证号码只有末位可以是 X。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="289" />
        <source>The ID number begins with %1, which is not a province code; please re-read the number from the card.</source>
        <translation>身份证号码开头的 %1 不是有效的省级行政区划代码，请对照证件重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="298" />
        <source>The birth date in the ID number (%1) is in the future or before 1880; please re-read the number.</source>
        <translation>身份证号码中的出生日期（%1）晚于今天或早于 1880 年，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="304" />
        <source>The birth date in the ID number (%1) is not a real date; please re-read the number.</source>
        <translation>身份证号码中的出生日期（%1）不存在，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="311" />
        <source>The ID number does not add up: its last character (the check digit) does not match the other digits. One of them is probably mistyped; please re-read the whole number from the card.</source>
        <translation>身份证号码校验不通过：末位校验码与前面的数字不符，可能有数字输错，请对照证件逐位重新核对整个号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="322" />
        <source>Enter the unified social credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="325" />
        <source>Character %1 of the credit code, “%2” (%3), is not allowed: a credit code has digits and capital letters, never I, O, S, V or Z.</source>
        <translation>统一社会信用代码第 %1 位“%2”（%3）不是有效字符：统一社会信用代码由数字和大写字母组成，不使用 I、O、S、V、Z。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="336" />
        <source>A credit code has 18 characters; %1 were entered.</source>
        <translation>统一社会信用代码应为 18 位，实际输入了 %1 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="341" />
        <source>The first character of the credit code (%1) is not a registration authority code; please re-read the code.</source>
        <translation>统一社会信用代码第 1 位（%1）不是有效的登记管理部门代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="350" />
        <source>The second character of the credit code (%1) is not an organisation category code; please re-read the code.</source>
        <translation>统一社会信用代码第 2 位（%1）不是有效的机构类别代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="359" />
        <source>Characters 3 to 8 of the credit code (%1) are not an administrative division code; please re-read the code.</source>
        <translation>统一社会信用代码第 3 至 8 位（%1）不是有效的行政区划代码，请重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="368" />
        <source>Characters 9 to 17 of the credit code (the organisation code %1) do not add up; one of them is probably mistyped. Please re-read the code from the business licence or registration certificate.</source>
        <translation>统一社会信用代码第 9 至 17 位（组织机构代码 %1）校验不通过，可能有字符输错，请对照营业执照或登记证书重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="377" />
        <source>The credit code does not add up: its last character (the check character) does not match the others. One of them is probably mistyped; please re-read the whole code from the business licence or registration certificate.</source>
        <translation>统一社会信用代码校验不通过：末位校验码与前面的字符不符，可能有字符输错，请对照营业执照或登记证书逐位重新核对整个代码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="389" />
        <source>A verification code has %1 characters; %2 were entered.</source>
        <translation>核验码应为 %1 位，实际输入了 %2 位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="395" />
        <source>A verification code has no characters like %1.</source>
        <translation>核验码中不会出现 %1 这样的字符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="399" />
        <source>This is not a certificate's verification code.</source>
        <translation>这不是参保证明的核验码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="402" />
        <source>This QR code is on the acceptance receipt of case %1, not on a certificate.</source>
        <translation>这是受理编号 %1 的受理回执上的二维码，不是参保证明上的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="409" />
        <source>This QR code is on an acceptance receipt, not on a certificate.</source>
        <translation>这是受理回执上的二维码，不是参保证明上的二维码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="413" />
        <source>The verification code is mistyped: its check character does not match. Please compare it with the certificate again.</source>
        <translation>核验码输入有误：校验字符不符，请对照参保证明重新核对。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="424" />
        <source>The amount must not exceed %1.</source>
        <translation>金额不能超过 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="428" />
        <source>This value is not accepted.</source>
        <translation>输入的内容不符合要求。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="437" />
        <source>A contribution is dated after the day the account is settled.</source>
        <translation>有缴费记录晚于结算日期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="440" />
        <source>The month is before the insurance started.</source>
        <translation>所选月份早于参保开始时间。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="441" />
        <source>The birth date does not agree with the ID number.</source>
        <translation>出生日期与身份证号码不一致。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="444" />
        <source>Several items are accepted together only as one life event.</source>
        <translation>多个事项只能作为“一件事”一并受理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="447" />
        <source>The text holds invisible control or direction characters; type it again.</source>
        <translation>内容含有不可见的控制字符或方向字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="450" />
        <source>The same entry appears twice.</source>
        <translation>同一内容重复出现。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="451" />
        <source>The same month is listed twice.</source>
        <translation>同一月份重复出现。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="452" />
        <source>The date must not be in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="453" />
        <source>This contribution grade is not offered in the region.</source>
        <translation>本地区不设该缴费档次。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="456" />
        <source>Here the base is chosen from the published grades only.</source>
        <translation>本地区只能按公布的缴费档次选择缴费基数。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="459" />
        <source>This insurance is paid together with another one here (e.g. maternity with medical).</source>
        <translation>本地区该险种与其他险种合并缴纳（如生育保险并入医疗保险）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="463" />
        <source>The value does not match what it must agree with.</source>
        <translation>该值与应一致的内容不符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="464" />
        <source>Something required is missing.</source>
        <translation>缺少必需的内容。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="465" />
        <source>The credited interest rate of that year is not published yet.</source>
        <translation>该年度的记账利率尚未公布。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="468" />
        <source>No contribution rate is recorded for this insurance in the region.</source>
        <translation>本地区未登记该险种的费率。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="471" />
        <source>No contribution records were found.</source>
        <translation>没有找到缴费记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="472" />
        <source>No contribution table covers that month in the region.</source>
        <translation>本地区没有适用于该月份的缴费标准。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="473" />
        <source>An item is not part of this life event.</source>
        <translation>有事项不属于这件“一件事”。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="474" />
        <source>The statutory retirement age has not been reached.</source>
        <translation>尚未达到法定退休年龄。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="475" />
        <source>The month is not overdue yet.</source>
        <translation>该月份尚未逾期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="477" />
        <source>This item is accepted on its own form.</source>
        <translation>该事项需在其专用页面受理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="478" />
        <source>The heir cannot be the insured person.</source>
        <translation>继承人不能是参保人本人。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="479" />
        <source>The sex does not agree with the ID number.</source>
        <translation>性别与身份证号码不一致。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="480" />
        <source>The text is too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="481" />
        <source>Too many entries at once; split them into several cases.</source>
        <translation>一次填报的条目过多，请分批办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="482" />
        <source>Too many months at once.</source>
        <translation>一次缴费的月数过多。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="483" />
        <source>The new value is the same as the recorded one.</source>
        <translation>新值与现有记录相同。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="484" />
        <source>Unknown industry risk class.</source>
        <translation>行业风险类别不存在。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="485" />
        <source>This item has no such field.</source>
        <translation>该事项没有此填报项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="486" />
        <source>A material that is not on the item's list was ticked.</source>
        <translation>勾选了不属于本事项的材料。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="489" />
        <source>Unknown region of the contribution tables.</source>
        <translation>缴费标准中没有该地区。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="490" />
        <source>Unknown insurance type.</source>
        <translation>险种不存在。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="491" />
        <source>The value has the wrong form.</source>
        <translation>该值格式不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="492" />
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="493" />
        <source>The length is wrong.</source>
        <translation>长度不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="494" />
        <source>The format is wrong.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="495" />
        <source>The value holds a character that is not allowed.</source>
        <translation>输入中含有不允许的字符。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="496" />
        <source>The birth date in the ID number is impossible.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="497" />
        <source>The region code in the number is not valid.</source>
        <translation>号码中的行政区划代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="498" />
        <source>The registration authority code is not valid.</source>
        <translation>登记管理部门代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="499" />
        <source>The organisation category code is not valid.</source>
        <translation>机构类别代码无效。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="500" />
        <source>The organisation code inside the credit code is mistyped.</source>
        <translation>统一社会信用代码中的组织机构代码有误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="503" />
        <source>The check character does not match; please re-read the number.</source>
        <translation>校验码不符，请重新核对号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="506" />
        <source>The amount must not be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="507" />
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="476" />
        <location filename="../../counter_app/ui/errors.py" line="508" />
        <source>The value is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="509" />
        <source>The person is too young to be enrolled as a worker.</source>
        <translation>未达到法定劳动年龄，不能以职工或灵活就业身份参保。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="510" />
        <source>This is not allowed for the chosen category.</source>
        <translation>所选参保类别不允许此项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="511" />
        <source>Choose one of the offered values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="512" />
        <source>This value is unknown.</source>
        <translation>该值不存在。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="513" />
        <source>This is not possible in the current state.</source>
        <translation>当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="514" />
        <source>This setting in the workstation's configuration file is not valid; please ask the administrator to correct it.</source>
        <translation>本机配置文件中的此项设置无效，请联系系统管理员修改。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="519" />
        <source>This is not the document asked for.</source>
        <translation>这不是所需的单据。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="520" />
        <source>Too many rows for one declaration; split the roster into several files.</source>
        <translation>一次申报的行数过多；请将名单拆分为多个文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="560" />
        <source>This cannot be done: it contradicts the records.</source>
        <translation>此操作与现有记录冲突，无法办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="569" />
        <source>This person is already enrolled (insured number %1).</source>
        <translation>此人已参保登记（个人参保编号 %1）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="572" />
        <source>This person is already enrolled.</source>
        <translation>此人已参保登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="577" />
        <source>No insured employer has the credit code %1.</source>
        <translation>没有统一社会信用代码为 %1 的参保单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="579" />
        <source>No insured employer has this credit code.</source>
        <translation>没有使用该统一社会信用代码的参保单位。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="584" />
        <source>The verification code %1 is already in use; please issue the certificate again.</source>
        <translation>核验码 %1 已被使用，请重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="591" />
        <source>This verification code is already in use; please issue the certificate again.</source>
        <translation>该核验码已被使用，请重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="596" />
        <source>The registry holds another name for this ID number; a key-data correction is needed first.</source>
        <translation>该身份证号码登记的姓名不同，请先办理关键信息更正。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="601" />
        <source>This person is not insured; no proof of insurance can be issued.</source>
        <translation>此人未参保，不能出具参保证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="604" />
        <source>The central database holds other data than this workstation; please synchronise and issue the certificate again.</source>
        <translation>中心数据库的数据与本机不一致，请同步后重新出具证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="609" />
        <source>The central database refused this.</source>
        <translation>中心数据库拒绝了此操作。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="611" />
        <source>This call was already made at another window; call the next one again.</source>
        <translation>这次叫号已在其他窗口使用，请重新叫下一号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="615" />
        <source>Several entries were not accepted.</source>
        <translation>多项填写内容不符合要求。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="623" />
        <source>Too many wrong passwords. The account is locked until %1.</source>
        <translation>密码错误次数过多，账号已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="627" />
        <source>Too many wrong passwords. The account is locked.</source>
        <translation>密码错误次数过多，账号已锁定。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="629" />
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="632" />
        <source>Wrong user name or password. Attempts left before the account is locked: %1.</source>
        <translation>用户名或密码错误。再输错 %1 次密码，账号将被锁定。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="638" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/errors.py" line="642" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FlexiblePaymentForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="68" />
        <source>Pay medical insurance too</source>
        <translation>同时缴纳医疗保险</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="78" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="79" />
        <source>Region</source>
        <translation>统筹地区</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="81" />
        <source>From month</source>
        <translation>缴费起始年月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="83" />
        <source>To month</source>
        <translation>缴费截止年月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="84" />
        <source>Grade</source>
        <translation>缴费档次</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="87" />
        <source>Base of one's choice (yuan a month)</source>
        <translation>自选缴费基数（元/月）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="92" />
        <source>Medical insurance</source>
        <translation>医疗保险</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="95" />
        <source>Payment channel</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="127" />
        <source>%1 (base %2)</source>
        <translation>%1（基数 %2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="134" />
        <source>A base of one's choice (%1 – %2)</source>
        <translation>自选基数（%1 – %2）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="148" />
        <source>The region's table has no medical base for flexible workers.</source>
        <translation>该地区缴费标准中没有灵活就业人员医疗保险缴费基数。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="204" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="211" />
        <source>%1: pension on the base %2, a month</source>
        <translation>%1：养老保险（基数 %2）每月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="219" />
        <source>    of which to the personal account</source>
        <translation>    其中记入个人账户</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="225" />
        <source>    of which to the pooled fund</source>
        <translation>    其中划入统筹基金</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="233" />
        <source>%1: %2 on the base %3, a month</source>
        <translation>%1：%2（基数 %3）每月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="242" />
        <source>%1: total a month</source>
        <translation>%1：每月合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="248" />
        <source>Total due for %1 months</source>
        <translation>%1 个月应缴总额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="288" />
        <source>basic medical insurance</source>
        <translation>基本医疗保险</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="289" />
        <source>serious-illness mutual aid</source>
        <translation>大病医疗互助补充保险</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/flexible_payment_form.py" line="290" />
        <source>medical insurance</source>
        <translation>医疗保险</translation>
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
        <location filename="../../counter_app/ui/hall_display.py" line="181" />
        <source>Hall display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="200" />
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="208" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="210" />
        <source>Please go to</source>
        <translation>请到</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="222" />
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="319" />
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="384" />
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="390" />
        <source>%1: %2</source>
        <translation>%1 %2 人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/hall_display.py" line="394" />
        <source>Waiting: %1</source>
        <translation>等候：%1</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="69" />
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="70" />
        <source>Hospital</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="71" />
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="72" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="73" />
        <source>Self-paid (yuan)</source>
        <translation>自费（元）</translation>
    </message>
</context>
<context>
    <name>ItemForms</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/bundle_form.py" line="84" />
        <source>Nothing to fill in for this item.</source>
        <translation>本事项无需填写内容。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/bundle_form.py" line="89" />
        <source>Materials for all items</source>
        <translation>全部事项所需材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/bundle_form.py" line="121" />
        <source>%1 items</source>
        <translation>共%1个事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/bundle_form.py" line="127" />
        <source>Choose a life event on the left.</source>
        <translation>请在左侧选择要办理的“一件事”。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/bundle_form.py" line="129" />
        <source>The catalogue has no life events.</source>
        <translation>事项目录中没有“一件事”。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="79" />
        <source>L1 on the spot</source>
        <translation>L1 即办</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="80" />
        <source>L2 review</source>
        <translation>L2 复核</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="81" />
        <source>L3 approval</source>
        <translation>L3 审批</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="82" />
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="88" />
        <source>finished on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="89" />
        <source>%1 working days</source>
        <translation>%1个工作日</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="100" />
        <source>Promised completion by %1 (provisional: the State Council has not yet published the holiday arrangement for that period).</source>
        <translation>承诺%1前办结（暂定：国务院尚未公布该期间的放假安排）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="106" />
        <source>Promised completion by %1.</source>
        <translation>承诺%1前办结。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="115" />
        <source>At most %1 characters (%2 typed).</source>
        <translation>最多%1个字（已输入%2个）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="120" />
        <source>The text holds invisible control characters; please type it again.</source>
        <translation>内容含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="123" />
        <source>This item has no such field.</source>
        <translation>本事项没有该栏目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="124" />
        <source>A ticked material is not on this list.</source>
        <translation>勾选的材料不在本事项的材料清单中。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="125" />
        <source>This item is accepted on its own form.</source>
        <translation>本事项须在其专用表单中受理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="126" />
        <source>Mandatory materials are missing.</source>
        <translation>缺少必备材料。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="127" />
        <source>Several items need a life event.</source>
        <translation>同时办理多个事项须通过“一件事”办理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="128" />
        <source>An item is not part of this life event.</source>
        <translation>有事项不属于该“一件事”。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="129" />
        <source>An item is listed twice.</source>
        <translation>有事项重复。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="130" />
        <source>The form could not be read; please try again.</source>
        <translation>表单无法读取，请重试。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="153" />
        <source>The case was refused.</source>
        <translation>该业务未被受理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="243" />
        <source>%1 (optional)</source>
        <translation>%1（选填）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="257" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="264" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="269" />
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（如 2026-01-31）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="271" />
        <source>YYYY-MM</source>
        <translation>年-月（如 2026-01）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="381" />
        <source>18-character credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="388" />
        <source>Person</source>
        <translation>办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="396" />
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="405" />
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="455" />
        <source>Identify the customer first (F2).</source>
        <translation>请先识别办事人（F2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="409" />
        <source>not registered</source>
        <translation>登记库中无此人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="506" />
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="602" />
        <source>Print receipt</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="544" />
        <source>Accepted on this workstation…</source>
        <translation>已在本机受理……</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="577" />
        <source>The central database refused this: %1</source>
        <translation>中心数据库拒绝了该业务：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="581" />
        <source>It stays listed in the Sync tab until it is marked as handled.</source>
        <translation>该业务保留在“同步”页中，直至标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="598" />
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="748" />
        <location filename="../../counter_app/ui/item_forms/notice_button.py" line="42" />
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="278" />
        <source>Print one-time notification</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="600" />
        <source>Print result slip</source>
        <translation>打印办结单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="614" />
        <source>Recorded as waiting for materials; the central database will number the case.</source>
        <translation>已登记为待补正材料，受理编号由中心数据库分配。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="618" />
        <source>Accepted on this workstation; the central database will confirm it and number the case.</source>
        <translation>已在本机受理，待中心数据库确认并分配受理编号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="624" />
        <source>Waiting for materials: case %1. The one-time notification lists everything missing.</source>
        <translation>待补正材料：受理编号 %1。一次性告知书列明了全部所缺材料。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="630" />
        <source>Finished on the spot: case %1.</source>
        <translation>已当场办结：受理编号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="632" />
        <source>Accepted: case %1 with %2 items.</source>
        <translation>已受理：受理编号 %1，共%2个事项。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="636" />
        <source>Accepted: case %1.</source>
        <translation>已受理：受理编号 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="669" />
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="935" />
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="381" />
        <source>Submitting…</source>
        <translation>正在提交……</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="745" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="751" />
        <source>Records the case as waiting for materials and prints the notification listing everything missing.</source>
        <translation>将该业务登记为待补正材料，并打印列明全部所缺材料的告知书。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="830" />
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="349" />
        <source>Mandatory materials are missing: give the one-time notification instead.</source>
        <translation>缺少必备材料：请改为出具一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="874" />
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="365" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的栏目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/generic_form.py" line="1014" />
        <source>This item is accepted on its own form, which this workstation does not offer yet. Here only a one-time notification of missing materials can be given.</source>
        <translation>本事项须在其专用表单中受理，本机尚未提供该表单；此处只能出具缺件的一次性告知书。</translation>
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
        <location filename="../../counter_app/ui/roles_text.py" line="29" />
        <source>Teller</source>
        <translation>综合柜员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="30" />
        <source>Reviewer</source>
        <translation>复核员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="31" />
        <source>Supervisor</source>
        <translation>科长</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="32" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="38" />
        <source>Pension</source>
        <translation>养老</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="39" />
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="40" />
        <source>Unemployment</source>
        <translation>失业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="41" />
        <source>Work injury</source>
        <translation>工伤</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="42" />
        <source>Maternity</source>
        <translation>生育</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="43" />
        <source>Other insurance</source>
        <translation>其他险种</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="48" />
        <source>Employee</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="49" />
        <source>Flexible employment</source>
        <translation>灵活就业</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="50" />
        <source>Urban and rural resident</source>
        <translation>城乡居民</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="51" />
        <source>Other category</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="55" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="55" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="60" />
        <location filename="../../counter_app/ui/roles_text.py" line="131" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="61" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="62" />
        <location filename="../../counter_app/ui/roles_text.py" line="75" />
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="63" />
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="64" />
        <location filename="../../counter_app/ui/roles_text.py" line="76" />
        <location filename="../../counter_app/ui/roles_text.py" line="132" />
        <location filename="../../counter_app/ui/roles_text.py" line="169" />
        <source>Unknown state</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="69" />
        <source>Materials pending</source>
        <translation>待补正材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="70" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="71" />
        <source>In review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="72" />
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="73" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="74" />
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="82" />
        <location filename="../../counter_app/ui/roles_text.py" line="154" />
        <source>Personal proof of insurance</source>
        <translation>个人参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="83" />
        <location filename="../../counter_app/ui/roles_text.py" line="155" />
        <source>Employer proof of insurance</source>
        <translation>单位参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="84" />
        <source>Proof of insurance</source>
        <translation>参保证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="95" />
        <location filename="../../counter_app/ui/roles_text.py" line="103" />
        <location filename="../../counter_app/ui/roles_text.py" line="117" />
        <source>Other business</source>
        <translation>其他业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="115" />
        <source>Case</source>
        <translation>受理件</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="116" />
        <source>Certificate</source>
        <translation>证明</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="130" />
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="138" />
        <source>number pending</source>
        <translation>编号待分配</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="151" />
        <source>Queue ticket</source>
        <translation>排队小票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="152" />
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="153" />
        <source>One-time notice of missing materials</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="156" />
        <source>Result notice</source>
        <translation>办理结果通知书</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="157" />
        <source>Result slip</source>
        <translation>办结单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="158" />
        <source>Payment receipt</source>
        <translation>缴费凭证</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="159" />
        <source>Teller's day summary</source>
        <translation>柜员日结单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="160" />
        <source>Other document</source>
        <translation>其他单据</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="166" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="167" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="168" />
        <source>Failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="177" />
        <source>The printer did not answer in time.</source>
        <translation>打印机响应超时。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="178" />
        <source>The printer cannot be reached: is it on, connected and online?</source>
        <translation>无法连接打印机：请检查是否开机、连线并处于联机状态。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="181" />
        <source>The print file cannot be written.</source>
        <translation>无法写入打印文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="182" />
        <source>The USB or serial printer reported an error.</source>
        <translation>USB 或串口打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="183" />
        <source>The printer reported an error.</source>
        <translation>打印机报告错误。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="190" />
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="191" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="192" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="193" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="194" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/roles_text.py" line="195" />
        <source>Unknown rating</source>
        <translation>未知评价</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="79" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="79" />
        <source>Log in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="83" />
        <source>Your session at the central service has ended. %1, enter your password to continue; your work is kept and is sent as soon as you are logged in.</source>
        <translation>您在中心服务的登录已失效。%1，请输入密码继续；已办业务均已保存，登录后即自动上传。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="87" />
        <source>The screen is locked. %1, enter your password to continue.</source>
        <translation>屏幕已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="98" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/idle_lock.py" line="124" />
        <source>The central service refused this login; please contact the administrator.</source>
        <translation>中心服务拒绝了此次登录；请联系管理员。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="65" />
        <source>Social Insurance Counter — Log in</source>
        <translation>社保综合柜员系统 — 登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="68" />
        <source>Social Insurance Integrated Counter</source>
        <translation>社保综合柜员系统</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="88" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="89" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="90" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="96" />
        <source>Preparing the workstation…</source>
        <translation>正在准备工作站…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="166" />
        <source>Central service connected.</source>
        <translation>已连接中心服务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="168" />
        <source>Offline: the central service cannot be reached.</source>
        <translation>离线：无法连接中心服务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="173" />
        <source>No users are known on this workstation yet; it must reach the central service once before anyone can log in.</source>
        <translation>本工作站尚无已知用户；须先连接一次中心服务，才能登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="188" />
        <source>This workstation is not enrolled with the central service yet; the administrator enrols it with counter-admin enrol.</source>
        <translation>本工作站尚未在中心服务登记；请管理员用 counter-admin enrol 登记。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="192" />
        <source>The key of this workstation cannot be read: no usable system keyring.</source>
        <translation>无法读取本工作站的密钥：没有可用的系统密钥环。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="194" />
        <source>The central service of this PC did not start.</source>
        <translation>本机的中心服务未能启动。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="196" />
        <source>The central service cannot be used.</source>
        <translation>中心服务无法使用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="259" />
        <source>This user belongs to another hall and cannot log in here.</source>
        <translation>该用户属于其他大厅，不能在此登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="261" />
        <source>The central service refused this workstation; please contact the administrator.</source>
        <translation>中心服务拒绝了本工作站；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="102" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="106" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="132" />
        <source>Connecting to the central service…</source>
        <translation>正在连接中心服务…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="152" />
        <location filename="../../counter_app/ui/login_dialog.py" line="219" />
        <source>Logging in is not possible on this workstation now.</source>
        <translation>此工作站目前无法登录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="157" />
        <source>The local cache of this workstation cannot be opened.</source>
        <translation>无法打开此工作站的本地缓存。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="159" />
        <location filename="../../counter_app/ui/login_dialog.py" line="197" />
        <source>Please contact the administrator; the details are in the log.</source>
        <translation>请联系管理员；详细信息已记入日志。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="214" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="224" />
        <source>The workstation is still being prepared; you will be logged in then.</source>
        <translation>工作站仍在准备中，准备完成后将为您登录。</translation>
    </message>
</context>
<context>
    <name>MaterialsChecklist</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/materials.py" line="46" />
        <source>Materials</source>
        <translation>办理材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/materials.py" line="71" />
        <source>Optional:</source>
        <translation>可选材料：</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/materials.py" line="77" />
        <source>No materials are required.</source>
        <translation>本事项无需提交材料。</translation>
    </message>
</context>
<context>
    <name>MedicalReimbursementForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="225" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="241" />
        <source>Add invoice</source>
        <translation>增加发票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="244" />
        <source>Remove selected invoice</source>
        <translation>删除所选发票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="257" />
        <source>Invoices</source>
        <translation>医疗费用发票</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="267" />
        <source>Kind of treatment</source>
        <translation>就医类型</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="295" />
        <source>Total: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="299" />
        <source>Total %1 · self-paid %2 · for review %3</source>
        <translation>合计 %1 · 自费 %2 · 送审 %3</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/medical_reimbursement_form.py" line="348" />
        <source>Invoice %1, %2: %3</source>
        <translation>第%1张发票，%2：%3</translation>
    </message>
</context>
<context>
    <name>MoneyForms</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="91" />
        <source>No contribution table covers %1: the figures of that month are not published yet (or the month is before the first table). Choose another month.</source>
        <extracomment>An amount as typed: digits, at most two decimals.</extracomment>
        <translation>没有覆盖 %1 的缴费标准：该月的缴费基数和费率尚未公布（或早于最早的缴费标准）。请选择其他月份。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="96" />
        <source>There is no contribution table for this region.</source>
        <translation>该地区没有缴费标准。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="99" />
        <source>The table of that month does not offer this grade (offered: %2).</source>
        <translation>该月的缴费标准没有这个档次（可选档次：%2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="102" />
        <source>In this region a flexible worker chooses one of the grades.</source>
        <translation>该地区灵活就业人员须在规定档次中选择。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="105" />
        <source>The base must lie between the limits %2 and %3.</source>
        <translation>缴费基数须在下限 %2 与上限 %3 之间。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="106" />
        <source>The date %4 is after today (%5): it may not be in the future.</source>
        <translation>日期 %4 晚于今天（%5），不能是将来的日期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="109" />
        <source>The month %1 is not overdue on the payment date.</source>
        <translation>%1 在缴款日期尚未欠缴。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="110" />
        <source>The month %1 is listed twice.</source>
        <translation>%1 重复填写。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="111" />
        <source>This is listed twice.</source>
        <translation>重复填写。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="112" />
        <source>The last month is before the first month.</source>
        <translation>截止年月早于起始年月。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="113" />
        <source>One payment covers at most %6 months.</source>
        <translation>一次最多缴纳 %6 个月。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="114" />
        <source>Too many lines for one declaration.</source>
        <translation>一次申报的行数过多。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="115" />
        <source>No contributions are on record for this person: enter the yearly sums.</source>
        <translation>该人员没有缴费记录，请按年度录入个人账户缴费额。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="118" />
        <source>A contribution of %1 is after the date of the event.</source>
        <translation>%1 的缴费晚于死亡或定居日期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="121" />
        <source>The credited interest rate of %7 is not published yet.</source>
        <translation>%7 年度的记账利率尚未公布。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="124" />
        <source>The region's table has no rate for one of the chosen insurance types.</source>
        <translation>该地区缴费标准中没有所选某一险种的费率。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="127" />
        <source>In this region maternity insurance is part of medical insurance.</source>
        <translation>该地区生育保险已并入医疗保险。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="130" />
        <source>Choose the insurance types from the list.</source>
        <translation>请从列表中选择险种。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="131" />
        <source>The work-injury industry class must be 1 to 8.</source>
        <translation>工伤保险行业类别须为一至八类。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="132" />
        <source>The heir cannot be the deceased.</source>
        <translation>继承人不能是参保人本人。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="264" />
        <source>The region of this hall, from the workstation's configuration.</source>
        <translation>本大厅所在统筹地区（取自工作站配置）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="279" />
        <source>The date is after the central database's day: it may not be in the future.</source>
        <translation>日期晚于中心数据库的当日，不能是将来的日期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="283" />
        <source>No contribution table covers one of the months.</source>
        <translation>其中有月份没有对应的缴费标准。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="284" />
        <source>One of the months is not overdue on the payment date.</source>
        <translation>其中有月份在缴款日期尚未欠缴。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="302" />
        <source>The central database refused this: %1</source>
        <translation>中心数据库拒绝了该业务：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="306" />
        <source>It stays listed in the Sync tab until it is marked as handled.</source>
        <translation>该记录保留在“同步”页中，直至标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="329" />
        <source>The case is not on this workstation yet.</source>
        <translation>本工作站尚无该受理件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="376" />
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="376" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="391" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="429" />
        <source>Computed figures (updated as you type)</source>
        <translation>核定金额（随录入实时计算）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="563" />
        <source>Mandatory materials are missing: %1.</source>
        <translation>缺少必交材料：%1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="569" />
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="599" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的项目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="615" />
        <source>Mandatory materials are missing: %1. The case cannot be accepted without them; please ask the customer to bring them.</source>
        <translation>缺少必交材料：%1。缺少这些材料不能受理，请告知办事人补齐。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="632" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="648" />
        <source>Accepted on this workstation; the case goes to review once the central database has numbered it.</source>
        <translation>已在本工作站受理；中心数据库编号后转入复核。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="653" />
        <source>Accepted on this workstation; the central database will confirm it and number the case.</source>
        <translation>已在本工作站受理；中心数据库确认后编号。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/money_form.py" line="733" />
        <source>Some rates or limits used are not confirmed by an official notice: the figures are provisional.</source>
        <translation>所用的部分费率或基数上下限尚未经正式文件确认，金额仅供参考。</translation>
    </message>
</context>
<context>
    <name>PendingMaterials</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="85" />
        <source>Materials pending</source>
        <translation>待补正材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="89" />
        <source>Tick what the customer brought</source>
        <translation>勾选本次补交的材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="92" />
        <source>Materials brought</source>
        <translation>已补交材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="159" />
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="210" />
        <source>number pending</source>
        <translation>待编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="161" />
        <source>%1 missing</source>
        <translation>缺%1项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="168" />
        <source>Identify the customer first (F2).</source>
        <translation>请先识别办事人（F2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="171" />
        <source>This customer has no case waiting for materials.</source>
        <translation>该办事人没有待补正材料的业务。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="175" />
        <source>Cases waiting for materials: %1</source>
        <translation>待补正材料的业务：%1件</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="208" />
        <source>%1, case %2, accepted on %3</source>
        <translation>%1，受理编号 %2，%3受理</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pending_materials.py" line="237" />
        <source>Submitting…</source>
        <translation>正在提交……</translation>
    </message>
</context>
<context>
    <name>PensionTransferForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="48" />
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="50" />
        <source>YYYY-MM</source>
        <translation>年-月（如 2026-01）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="55" />
        <source>Destination (province and city)</source>
        <translation>转入地（省市）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="56" />
        <source>Destination agency</source>
        <translation>转入地经办机构</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="58" />
        <source>Previous place (province and city)</source>
        <translation>原参保地（省市）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="59" />
        <source>Previous agency</source>
        <translation>原参保地经办机构</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="63" />
        <source>Contributions from (month)</source>
        <translation>缴费起始年月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="64" />
        <source>Contributions to (month)</source>
        <translation>缴费截止年月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="68" />
        <source>Contact letter number</source>
        <translation>联系函编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/pension_transfer_form.py" line="70" />
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>PersonChangeForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="66" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="67" />
        <source>Present address</source>
        <translation>现通讯地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="74" />
        <source>Contact data (finished on the spot)</source>
        <translation>联系方式变更（当场办结）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="76" />
        <source>Key data correction (needs approval)</source>
        <translation>关键信息更正（需审批）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="89" />
        <source>New telephone</source>
        <translation>新联系电话</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="90" />
        <source>New postal address</source>
        <translation>新通讯地址</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="93" />
        <source>Contact data</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="100" />
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="102" />
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="107" />
        <source>Corrected name</source>
        <translation>更正后姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="108" />
        <source>Corrected ID number</source>
        <translation>更正后身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="109" />
        <source>Corrected birth date</source>
        <translation>更正后出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="110" />
        <source>Corrected sex</source>
        <translation>更正后性别</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="115" />
        <source>Fill in only what is corrected. The registry keeps the present data until a supervisor approves the correction; the proof of the change is mandatory.</source>
        <translation>只填写需要更正的项目。审批通过前登记库保留现有信息；必须提供变更依据证明。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="120" />
        <source>Key data correction</source>
        <translation>关键信息更正</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="127" />
        <source>Reason (optional)</source>
        <translation>变更原因（可选）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="57" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/person_change_form.py" line="183" />
        <source>Registry: %1, %2, born %3; telephone %4</source>
        <translation>登记库信息：%1，%2，出生日期%3；联系电话%4</translation>
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
    <name>QuickSearch</name>
    <message>
        <location filename="../../counter_app/ui/quick_search.py" line="40" />
        <source>Find an item</source>
        <translation>查找事项</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/quick_search.py" line="44" />
        <source>Item name, code or pinyin initials</source>
        <translation>事项名称、编码或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/quick_search.py" line="83" />
        <source>Type a name, a code or pinyin initials (e.g. grcbdj).</source>
        <translation>输入事项名称、编码或拼音首字母（如 grcbdj）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/quick_search.py" line="92" />
        <source>Enter opens the chosen item; Esc closes.</source>
        <translation>按 Enter 打开所选事项，按 Esc 关闭。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/quick_search.py" line="94" />
        <source>No item matches.</source>
        <translation>没有匹配的事项。</translation>
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
    <name>RefundForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="85" />
        <source>Heir (on death)</source>
        <translation>继承人（死亡时填写）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="100" />
        <source>Heir's name</source>
        <translation>继承人姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="101" />
        <source>Heir's ID number</source>
        <translation>继承人身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="104" />
        <source>Relation to the deceased</source>
        <translation>与参保人关系</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="114" />
        <source>The contributions on record</source>
        <translation>按系统缴费记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="115" />
        <source>Yearly sums typed here</source>
        <translation>按年度录入</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="122" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="123" />
        <source>Contributions to the personal account (yuan)</source>
        <translation>记入个人账户的缴费额（元）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="127" />
        <source>Add a year</source>
        <translation>添加年度</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="130" />
        <source>Remove the selected row</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="150" />
        <source>ID number of the insured</source>
        <translation>参保人身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="152" />
        <source>Ground</source>
        <translation>支付原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="155" />
        <source>Date of death or of settling abroad</source>
        <translation>死亡或定居日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="161" />
        <source>Bank account for the payment</source>
        <translation>收款银行账号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="164" />
        <source>Contributions</source>
        <translation>缴费记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="238" />
        <source>No contributions of this person are on record.</source>
        <translation>该人员没有缴费记录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="242" />
        <source>On record: %1</source>
        <translation>缴费记录：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="323" />
        <source>%1: contributions %2, interest on the balance %3 and on the year's contributions %4 at %5 %; balance at the end of the year</source>
        <translation>%1年：缴费 %2，上年结转额利息 %3，当年缴费利息 %4，记账利率 %5%；年末余额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="336" />
        <source>%1: contributions %2 (no interest yet for this year); balance</source>
        <translation>%1年：缴费 %2（当年尚不计息）；余额</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="346" />
        <source>Contributions in total</source>
        <translation>个人缴费合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="349" />
        <source>Interest in total</source>
        <translation>利息合计</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="350" />
        <source>Amount to pay (after approval)</source>
        <translation>应支付金额（审批后支付）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/refund_form.py" line="361" />
        <source>Accepted on this workstation; the case goes to approval once the central database has numbered it. The person's insurance stays as it is until then.</source>
        <translation>已在本工作站受理；中心数据库编号后转入审批。审批前参保人的参保状态不变。</translation>
    </message>
</context>
<context>
    <name>RegistryForms</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="63" />
        <source>The new ID number gives the birth date %1, the registry holds %2: enter the corrected birth date in the same request.</source>
        <translation>新身份证号码的出生日期为%1，登记库为%2：请在同一申请中填写更正后的出生日期。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="69" />
        <source>The ID number gives the birth date %1.</source>
        <translation>身份证号码中的出生日期为%1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="73" />
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="75" />
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="77" />
        <source>The ID number says %1 (its 17th digit); correct the sex in the same request or re-read the number.</source>
        <translation>身份证号码（第17位）表明为%1；请在同一申请中更正性别，或重新核对号码。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="83" />
        <source>The registry already holds this value.</source>
        <translation>登记库中已是该值。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="85" />
        <source>A mandatory material is missing (for key data: the proof).</source>
        <translation>缺少必需材料（关键信息更正须提供变更依据证明）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="89" />
        <source>Enter the new telephone or the new address.</source>
        <translation>请填写新联系电话或新通讯地址。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="91" />
        <source>Enter the corrected name, ID number, birth date or sex.</source>
        <translation>请填写更正后的姓名、身份证号码、出生日期或性别。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="93" />
        <source>Contact data and key data are changed in separate requests.</source>
        <translation>联系方式与关键信息须分别申请变更。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="182" />
        <source>The central database refused this: %1</source>
        <translation>中心数据库拒绝了本次业务：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/registry_form_parts.py" line="186" />
        <source>It stays listed in the Sync tab until it is marked as handled.</source>
        <translation>该业务会一直列在“同步”页，直至标记为已处理。</translation>
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
    <name>RetirementForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="45" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="46" />
        <source>Cadre (management or technical post)</source>
        <translation>干部（管理技术岗位）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="47" />
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="51" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="54" />
        <source>Empty for a flexible worker</source>
        <translation>灵活就业人员免填</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="60" />
        <source>Post (women)</source>
        <translation>身份（女职工）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="61" />
        <source>Statutory retirement age</source>
        <translation>法定退休年龄</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="62" />
        <source>Deemed contribution months</source>
        <translation>视同缴费月数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="63" />
        <source>Employer credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="89" />
        <source>Choose the post: it decides a woman's statutory age.</source>
        <translation>请选择身份：它决定女职工的法定退休年龄。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="95" />
        <source>%1 years %2 months</source>
        <translation>%1周岁%2个月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="100" />
        <source>%1 years</source>
        <translation>%1周岁</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/retirement_form.py" line="102" />
        <source>%1, reached on %2 (retirement month %3); at least %4 contribution months.</source>
        <translation>%1，于%2达到（退休年月%3）；累计缴费至少%4个月。</translation>
    </message>
</context>
<context>
    <name>RosterReport</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="72" />
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="158" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="73" />
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="159" />
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="74" />
        <source>Household registration type</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="75" />
        <source>Household registration place</source>
        <translation>户籍所在地</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="76" />
        <source>Contribution base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="77" />
        <source>Date of the change</source>
        <translation>变动日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="78" />
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="160" />
        <source>Add/remove</source>
        <translation>增减</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="79" />
        <source>Reason for removal</source>
        <translation>减员原因</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="80" />
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="157" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="90" />
        <source>missing</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="91" />
        <source>cannot be read as written (“%1”)</source>
        <translation>无法识别（“%1”）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="92" />
        <source>not one of the allowed values (“%1”)</source>
        <translation>不是允许的取值（“%1”）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="93" />
        <source>holds an invisible or control character (%1 at position %2)</source>
        <translation>含有不可见字符或控制字符（第%2个字符，%1）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="96" />
        <source>too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="97" />
        <source>too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="98" />
        <source>out of range</source>
        <translation>超出允许范围</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="99" />
        <source>the same person as row %1</source>
        <translation>与第%1行为同一人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="100" />
        <source>stored as a number in the workbook, which keeps only 15 digits: format the column as text and type the numbers again</source>
        <translation>在表格中以数字格式保存，只保留15位有效数字：请将该列设为文本格式后重新录入号码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="105" />
        <source>the person is under 16</source>
        <translation>未满16周岁</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="106" />
        <source>not allowed for this kind of row</source>
        <translation>此类行不允许填写</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="108" />
        <source>not accepted</source>
        <translation>不予接受</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="116" />
        <source>more than 3 months ahead, or before the birth</source>
        <translation>晚于三个月之后，或早于出生日期</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="118" />
        <source>must be above zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="125" />
        <source>contradicts the records</source>
        <translation>与登记信息冲突</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="131" />
        <source>The roster has no column %1.</source>
        <translation>名单缺少以下列：%1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="132" />
        <source>No heading row with %1 was found in the first rows of the file.</source>
        <translation>文件开头几行中未找到含%1的表头行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="135" />
        <source>The file is neither UTF-8 nor GBK text; save it again as CSV or Excel.</source>
        <translation>文件既不是UTF-8也不是GBK编码的文本；请重新另存为CSV或Excel文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="138" />
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="145" />
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="139" />
        <source>This is an Excel 97-2003 workbook; save it as .xlsx or as CSV.</source>
        <translation>这是Excel 97-2003格式的工作簿；请另存为.xlsx或CSV格式。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="142" />
        <source>The file is larger than 50 MB.</source>
        <translation>文件超过50 MB。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="143" />
        <source>A roster has at most %1 rows.</source>
        <translation>一份名单最多%1行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="162" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="177" />
        <source>add</source>
        <translation>增员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="179" />
        <source>remove</source>
        <translation>减员</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="186" />
        <source>Contradicts the records: %1</source>
        <translation>与登记信息冲突：%1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="190" />
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="262" />
        <source>part %1: refused: %2</source>
        <translation>第%1批：未通过：%2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="266" />
        <source>part %1: case %2</source>
        <translation>第%1批：受理编号 %2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="268" />
        <source>part %1: accepted on this workstation, not numbered yet</source>
        <translation>第%1批：本机已受理，尚待中心编号</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="274" />
        <source>Declared in %1 parts (cases %2).</source>
        <translation>已分%1批申报（受理编号 %2）。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="314" />
        <source>row %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="319" />
        <source>rows of the roster contradict the records, so nothing was declared (%1). Correct or leave out these rows and declare again.</source>
        <translation>名单中有与登记信息冲突的行，整批均未申报（%1）。请更正或剔除这些行后重新申报。</translation>
    </message>
</context>
<context>
    <name>ServiceForms</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="71" />
        <source>%1 years %2 months</source>
        <translation>%1周岁%2个月</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="76" />
        <source>%1 years</source>
        <translation>%1周岁</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="78" />
        <source>The statutory retirement age (%1) is reached on %2; the application can be accepted from %3.</source>
        <translation>法定退休年龄（%1）于%2达到，可于%3起受理退休申请。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="88" />
        <source>This invoice is already line %1 of this claim.</source>
        <translation>该发票已是本次报销的第%1张。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="92" />
        <source>The period ends before it begins.</source>
        <translation>截止年月早于起始年月。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="93" />
        <source>This date is still to come.</source>
        <translation>该日期尚未到来。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="94" />
        <source>A new card needs a photo: tick it when it is brought or taken here.</source>
        <translation>补换新卡需要照片：携带或现场拍摄后请勾选。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="97" />
        <source>The self-paid part exceeds the invoice amount.</source>
        <translation>自费部分超过发票金额。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="100" />
        <source>Too many invoices for one claim.</source>
        <translation>一次报销的发票过多。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="103" />
        <source>Enter at least one invoice.</source>
        <translation>请至少录入一张发票。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="105" />
        <source>Enter the answer given, or tick that it was referred on.</source>
        <translation>请填写答复内容，或勾选已转办。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="107" />
        <source>Choose the woman's post: it decides her statutory age.</source>
        <translation>请选择女职工身份：它决定法定退休年龄。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="159" />
        <source>Accept (Ctrl+Enter)</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="252" />
        <source>Mandatory materials are missing: %1. Print the one-time notification listing them; the case is accepted when they are handed in.</source>
        <translation>缺少必需材料：%1。请打印一次性告知书列明所缺材料，材料补齐后即予受理。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="302" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的项目。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/service_form.py" line="340" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>StaffChangeForm</name>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="343" />
        <source>Choose roster file…</source>
        <translation>选择名单文件…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="353" />
        <source>Employer's credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="354" />
        <source>Roster (Excel or CSV)</source>
        <translation>名单（Excel或CSV）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="358" />
        <source>Columns of the file: %1.</source>
        <translation>文件各列：%1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="367" />
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="381" />
        <source>Declare the valid rows now (default)</source>
        <translation>现在申报正确的行（默认）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="383" />
        <source>Declare nothing until the file is fixed</source>
        <translation>文件改正前不申报</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="332" />
        <source>Declare (Ctrl+Enter)</source>
        <translation>申报（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="448" />
        <source>Choose the roster</source>
        <translation>选择名单</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="450" />
        <source>Rosters (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>名单 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="463" />
        <source>Reading the roster…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="487" />
        <source>%1 rows read: %2 valid, %3 with problems, %4 blank.</source>
        <translation>共读取%1行：正确%2行，有问题%3行，空行%4行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="521" />
        <source>Choose the roster file first.</source>
        <translation>请先选择名单文件。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="524" />
        <source>The roster cannot be used as it is.</source>
        <translation>该名单无法直接使用。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="530" />
        <source>%1 rows have problems: correct the file and read it again, or choose to declare the valid rows now.</source>
        <translation>有%1行存在问题：请改正文件后重新读取，或选择现在申报正确的行。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/item_forms/staff_change_form.py" line="538" />
        <source>The roster has no valid row to declare.</source>
        <translation>名单中没有可申报的正确行。</translation>
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
        <location filename="../../counter_app/ui/main_window.py" line="117" />
        <source>Social Insurance Integrated Counter — Window %1 — %2 (%3)</source>
        <translation>社保综合柜员系统 — %1 号窗口 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="153" />
        <source>Today's business</source>
        <translation>今日业务</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="158" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="160" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="165" />
        <source>Rating follow-ups</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="170" />
        <source>Complaints</source>
        <translation>投诉建议</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="173" />
        <source>Offline authorizations</source>
        <translation>离线授权</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="221" />
        <location filename="../../counter_app/ui/main_window.py" line="426" />
        <source>Life events</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="225" />
        <source>Materials pending</source>
        <translation>待补正材料</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="367" />
        <source>A form holds input that was not accepted. Discard it and switch to the new catalogue version?</source>
        <translation>有表单填写的内容尚未受理。放弃这些内容并切换到新版服务目录吗？</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="441" />
        <source>The service catalogue was updated to version %1.</source>
        <translation>服务目录已更新到版本 %1。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="495" />
        <source>This item comes with catalogue version %1: finish the form in progress on its tab first, or apply the new version now.</source>
        <translation>该事项随服务目录版本 %1 新增：请先办结其标签页中正在办理的表单，或立即更新目录。</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="538" />
        <source>&amp;Counter</source>
        <translation>柜台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="539" />
        <source>Identify customer</source>
        <translation>识别办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="543" />
        <source>New customer</source>
        <translation>新办事人</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="547" />
        <source>Find an item…</source>
        <translation>查找事项……</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="552" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="556" />
        <source>Verify a certificate…</source>
        <translation>核验证明…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="560" />
        <source>Log out and quit</source>
        <translation>注销并退出</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="564" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="565" />
        <location filename="../../counter_app/ui/main_window.py" line="577" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="578" />
        <source>Social Insurance Integrated Counter %1
Workstation %2, hall %3</source>
        <translation>社保综合柜员系统 %1
工作站 %2，大厅 %3</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="365" />
        <location filename="../../counter_app/ui/main_window.py" line="607" />
        <source>Unsaved input</source>
        <translation>有未保存的录入</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="609" />
        <source>A form holds input that was not accepted. Discard it and go on to the next customer?</source>
        <translation>有表单填写的内容尚未受理。放弃这些内容并接待下一位办事人吗？</translation>
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

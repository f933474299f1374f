import Foundation

/// The audit trail in the words of the people who read it: the action and
/// object codes the server records (`plan.import`, `progress_report`) as
/// Chinese, and the JSON snapshots some lines keep as 字段：值 lines. The
/// codes stay in the database and the API (they are what a search and an
/// auditor's script match); pages and exports show these words.
public enum AuditWording {
    /// The action codes in the order a person looks for them, with their words.
    public static let actions: [(code: String, title: String)] = [
        ("login", "登录成功"), ("login.failed", "登录失败（密码错误）"), ("login.refused", "登录被拒绝"),
        ("login.password", "密码正确，待输入动态验证码"), ("login.code_failed", "动态验证码错误"), ("logout", "退出登录"),
        ("password.change", "修改密码"), ("password.change_refused", "修改密码被拒绝"),
        ("totp.enable", "开启两步验证"), ("totp.disable", "关闭两步验证"),
        ("account.create", "新建账号"), ("account.password_reset", "重设账号密码"), ("account.totp_reset", "关闭账号两步验证"),
        ("account.locked", "账号被锁定"), ("account.unlock", "解锁账号"),
        ("plan.import", "导入计划"), ("plan.edit", "修改计划"), ("plan.publish", "发布计划"),
        ("unit.create", "新建单位"), ("unit.alias", "单位名称匹配（别名）"), ("unit.merge", "合并单位"),
        ("report.save", "保存进展（草稿）"), ("report.submit", "报送进展"), ("report.accept", "采纳报告"), ("report.return", "退回报告"),
        ("attachment.upload", "上传附件"), ("task.complete", "确认办结"),
        ("calendar.update", "修改报送日历"), ("period.close", "关闭报送期"), ("period.reopen", "重新开放报送期"),
        ("policy.update", "修改督办规则"),
        ("notice.issue", "签发督办单"), ("notice.dismiss", "不予签发督办单"), ("notice.reply", "回复督办单"),
        ("escalation.run", "立即运行提醒与督办规则"), ("notification.read", "通知标为已读"),
        ("bulletin.draft", "生成通报草稿"), ("bulletin.issue", "发布通报"), ("bulletin.withdraw", "撤回通报"), ("bulletin.discard", "删除通报草稿"),
        ("meeting.record", "记录会议议定事项"), ("target.split", "目标分解到地区"), ("unit.group.delete", "删除单位组"), ("unit.group", "修改单位组"),
        ("indicator.create", "新增指标"), ("indicator.values", "录入指标数值"), ("indicator.import", "导入实际值"),
        ("base.", "录入基础数据"),
        ("assessment.scheme", "修改考核方案"), ("assessment.score", "录入考核得分"),
        ("evaluation.scheme", "导入综合考评方案"), ("evaluation.inputs", "录入综合考评手工项"),
        ("export.", "导出"),
        ("outbox.retry", "重发消息"),
    ]

    /// What the codes of the objects name.
    public static let entities: [(code: String, title: String)] = [
        ("plan", "计划"), ("node", "条目"), ("unit", "单位"), ("account", "账号"), ("progress_report", "进展报告"),
        ("supervision_notice", "督办单"), ("bulletin", "通报"), ("indicator", "指标"), ("jurisdiction", "地区"),
        ("audit_log", "审计日志"), ("unit_group", "单位组"), ("outbox", "消息推送"), ("escalation", "提醒与督办"), ("notification", "通知"),
    ]

    /// The words for an action code; a family prefix (`export.`) covers its
    /// members (`export.audit` → 导出：审计日志). An unknown code is shown as it is.
    public static func action(_ code: String) -> String {
        if let exact = actions.first(where: { $0.code == code }) { return exact.title }
        if code.hasPrefix("export.") {
            let what = exportWhat[String(code.dropFirst("export.".count))]
            return "导出" + (what.map { "：\($0)" } ?? "")
        }
        if code.hasPrefix("base.") { return "录入基础数据" }
        return code
    }

    static let exportWhat = [
        "audit": "审计日志", "breakdown": "任务分解表", "bulletin": "通报", "assessment": "考核排名",
        "comparison": "地区对比", "evaluation": "综合考评", "evaluation_scheme": "综合考评方案", "indicator": "地区指标",
    ]

    public static func entity(_ code: String) -> String {
        entities.first { $0.code == code }?.title ?? code
    }

    /// Field names of the snapshots (a progress report's, a target's).
    static let fieldWords = [
        "state": "状态", "period": "报告期", "narrative": "进展情况", "percent": "完成百分比", "milestone": "里程碑",
        "self_status": "自评", "completion_proposed": "申请办结", "comment": "意见", "title": "标题", "status": "状态",
    ]

    /// Values that are codes (`submitted`, `true`, `open`).
    static let valueWords: [String: String] = {
        var words = ["true": "是", "false": "否", "open": "开放", "closed": "已关闭"]
        for state in ReportState.allCases { words[state.rawValue] = state.title }
        for health in Health.allCases { words[health.rawValue] = health.title }
        return words
    }()

    /// A before/after text for a person: a JSON object becomes 字段：值 parts
    /// joined by "；" (empty values left out, codes in words); a bare code
    /// its word; anything else as it is.
    public static func readable(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        if let word = valueWords[text] { return word }
        guard text.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return text
        }
        return object.sorted { order($0.key) < order($1.key) }.compactMap { key, value -> String? in
            let shown: String
            switch value {
            case let string as String: shown = valueWords[string] ?? string
            case is NSNull: return nil
            default: shown = valueWords["\(value)"] ?? "\(value)"
            }
            guard !shown.isEmpty else { return nil }
            return (fieldWords[key] ?? key) + "：" + shown
        }.joined(separator: "；")
    }

    /// Known fields first, in the order of `fieldOrder`, then the rest by name.
    static func order(_ key: String) -> String {
        if let index = fieldOrder.firstIndex(of: key) { return String(format: "0%03d", index) }
        return "1" + key
    }

    static let fieldOrder = ["period", "state", "self_status", "percent", "milestone", "narrative", "completion_proposed", "comment", "title", "status"]
}

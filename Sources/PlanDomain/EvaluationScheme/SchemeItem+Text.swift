extension SchemeItem {
    /// 类别 as the sheet and the scheme page say it: 指标, 任务, 手工.
    public var sourceTitle: String { SchemeWords.Category.title(source) }

    /// 参数 as the sheet writes them (封顶120%, 每名次减2分，最低5分 …), "" for none.
    public var parametersText: String {
        if case .taskGroup = source { return RuleParameters.text(rule, isTask: true) }
        return RuleParameters.text(rule, isTask: false)
    }

    /// Whether the office enters this item's figures by hand.
    public var isManual: Bool {
        if case .manual = source { return true }
        return false
    }
}

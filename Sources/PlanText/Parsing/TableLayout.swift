/// Task breakdown tables (任务分解表) arrive as lines of tab-separated cells
/// (the .docx reader writes each table row so). A header row that names a role
/// column (牵头单位, 责任单位, 完成时限 …) gives the meaning of each column to
/// the rows below it, until a line that is not a row.
struct TableColumns {
    var number: Int?
    var task: Int?
    var roles: [Int: Role] = [:]
    /// Columns whose text is read for targets (任务, 具体内容, 目标 …).
    var prose: [Int] = []
}

enum TableLayout {
    private static let numberHeads = ["序号", "编号", "序"].map(S)
    private static let taskHeads = [
        "重点任务", "主要任务", "工作任务", "任务内容", "工作内容", "主要内容", "具体任务", "工作事项", "任务名称", "工作措施",
        "具体措施", "任务", "事项", "内容", "措施",
    ].map(S)
    private static let roleHeads: [(Scalars, Role)] = ([
        ("牵头单位", .lead), ("牵头部门", .lead), ("牵头科室", .lead), ("牵头处室", .lead), ("牵头", .lead),
        ("责任单位", .responsible), ("责任部门", .responsible), ("责任科室", .responsible), ("承办单位", .responsible),
        ("配合单位", .cooperating), ("配合部门", .cooperating), ("协办单位", .cooperating), ("参与单位", .cooperating),
        ("分管领导", .leader), ("责任领导", .leader), ("牵头领导", .leader), ("责任人", .leader),
        ("完成时限", .deadline), ("完成时间", .deadline), ("时间节点", .deadline), ("时限", .deadline),
    ] as [(String, Role)]).map { (S($0.0), $0.1) }

    static func cells(_ t: Scalars, _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = line.lowerBound
        for i in line where t[i] == "\t" {
            out.append(trimmedRange(t, start, i))
            start = i + 1
        }
        out.append(trimmedRange(t, start, line.upperBound))
        return out
    }

    static func header(_ t: Scalars, _ line: Range<Int>) -> TableColumns? {
        guard t[line].contains("\t") else { return nil }
        var columns = TableColumns()
        for (k, cell) in cells(t, line).enumerated() {
            let c = squeezeBlanks(t[cell])
            guard c.count <= 12 else { return nil }
            if numberHeads.contains(c) { columns.number = k; continue }
            if let (_, role) = roleHeads.first(where: { c.has($0.0, at: 0) }) { columns.roles[k] = role; continue }
            if taskHeads.contains(where: { c.contains($0) }) {
                if columns.task == nil { columns.task = k }
                columns.prose.append(k)
                continue
            }
            if c.contains(S("目标")) || c.contains(S("指标")) || c.contains(S("要求")) { columns.prose.append(k) }
        }
        return columns.task != nil && !columns.roles.isEmpty ? columns : nil
    }

    /// The columns of every row line, by line index.
    static func rows(_ src: SourceText) -> [Int: TableColumns] {
        var out: [Int: TableColumns] = [:]
        var current: TableColumns? = nil
        for i in src.lines.indices {
            let line = src.lines[i]
            guard !line.isEmpty, src.t[line].contains("\t") else {
                if !line.isEmpty { current = nil }
                continue
            }
            if let h = header(src.t, line) {
                current = h
                continue
            }
            if let c = current { out[i] = c }
        }
        return out
    }

    /// The label of a row: its 序号 cell as a number, or a section heading
    /// written in the first cell (一、平台建设).
    static func label(_ t: Scalars, _ line: Range<Int>, _ columns: TableColumns) -> OutlineLabel? {
        let cells = self.cells(t, line)
        let numberCell = cells[columns.number ?? 0]
        let content = columns.task.flatMap { $0 < cells.count ? cells[$0].lowerBound : nil } ?? numberCell.upperBound
        let digits = t[numberCell]
        if !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isDigit) {
            let n = digits.reduce(0) { $0 * 10 + $1.digitValue }
            guard n > 0 else { return nil }
            return OutlineLabel(style: .tableRow, number: n, text: "\(n)", contentStart: content)
        }
        return LabelReader.read(t, numberCell)
    }
}

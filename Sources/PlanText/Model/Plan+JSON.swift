import Foundation

// The interchange format spells keys in snake_case and writes absent values as
// `null`, so the coding is written out rather than synthesised (which would drop
// nil keys). Decoding is lenient: gold files and older outputs may lack extras.

extension Plan: Codable {
    enum CodingKeys: String, CodingKey {
        case file, title, issuers, jurisdiction, year
        case docNumber = "doc_number"
        case issuedDate = "issued_date"
        case allTasksAlso = "all_tasks_also"
        case nodes, targets, source
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(issuers, forKey: .issuers)
        try c.encode(jurisdiction, forKey: .jurisdiction)
        try c.encode(year, forKey: .year)
        try c.encode(docNumber, forKey: .docNumber)
        try c.encode(issuedDate, forKey: .issuedDate)
        try c.encode(allTasksAlso, forKey: .allTasksAlso)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(targets, forKey: .targets)
        try c.encodeIfPresent(source, forKey: .source)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try c.decodeIfPresent(String.self, forKey: .file) ?? "",
            title: try c.decodeIfPresent(String.self, forKey: .title),
            issuers: try c.decodeIfPresent([String].self, forKey: .issuers) ?? [],
            jurisdiction: try c.decodeIfPresent(String.self, forKey: .jurisdiction),
            year: try c.decodeIfPresent(Int.self, forKey: .year),
            docNumber: try c.decodeIfPresent(String.self, forKey: .docNumber),
            issuedDate: try c.decodeIfPresent(String.self, forKey: .issuedDate),
            allTasksAlso: try c.decodeIfPresent([String].self, forKey: .allTasksAlso) ?? [],
            nodes: try c.decodeIfPresent([PlanNode].self, forKey: .nodes) ?? [],
            targets: try c.decodeIfPresent([Target].self, forKey: .targets) ?? [],
            source: try c.decodeIfPresent(PlanSource.self, forKey: .source)
        )
    }
}

extension PlanSource: Codable {
    enum CodingKeys: String, CodingKey { case format, encoding, length }

    // The text itself is not repeated in the JSON: its length lets a reader check
    // that offsets point into the same decoding.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(text.unicodeScalars.count, forKey: .length)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            format: try c.decodeIfPresent(SourceFormat.self, forKey: .format) ?? .text,
            encoding: try c.decodeIfPresent(String.self, forKey: .encoding) ?? "",
            text: "")
    }
}

extension PlanNode: Codable {
    enum CodingKeys: String, CodingKey {
        case id, title
        case leadUnits = "lead_units"
        case responsibleUnits = "responsible_units"
        case cooperatingUnits = "cooperating_units"
        case leaders, label, level, parent
        case isTask = "is_task"
        case span
        case titleSpan = "title_span"
        case deadline
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(leadUnits, forKey: .leadUnits)
        try c.encode(responsibleUnits, forKey: .responsibleUnits)
        try c.encode(cooperatingUnits, forKey: .cooperatingUnits)
        try c.encode(leaders, forKey: .leaders)
        try c.encode(label, forKey: .label)
        try c.encode(level, forKey: .level)
        try c.encode(parent, forKey: .parent)
        try c.encode(isTask, forKey: .isTask)
        try c.encode(span, forKey: .span)
        try c.encode(titleSpan, forKey: .titleSpan)
        try c.encode(deadline, forKey: .deadline)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        let zero = SourceSpan(start: 0, end: 0)
        self.init(
            id: id,
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
            leadUnits: try c.decodeIfPresent([String].self, forKey: .leadUnits) ?? [],
            responsibleUnits: try c.decodeIfPresent([String].self, forKey: .responsibleUnits) ?? [],
            cooperatingUnits: try c.decodeIfPresent([String].self, forKey: .cooperatingUnits) ?? [],
            leaders: try c.decodeIfPresent([String].self, forKey: .leaders) ?? [],
            label: try c.decodeIfPresent(String.self, forKey: .label)
                ?? String(id.split(separator: "/").last ?? ""),
            level: try c.decodeIfPresent(Int.self, forKey: .level)
                ?? id.split(separator: "/").count,
            parent: try c.decodeIfPresent(String.self, forKey: .parent),
            isTask: try c.decodeIfPresent(Bool.self, forKey: .isTask) ?? true,
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span) ?? zero,
            titleSpan: try c.decodeIfPresent(SourceSpan.self, forKey: .titleSpan) ?? zero,
            deadline: try c.decodeIfPresent(Deadline.self, forKey: .deadline)
        )
    }
}

extension Deadline: Codable {
    enum CodingKeys: String, CodingKey { case text, date, span }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(date, forKey: .date)
        try c.encode(span, forKey: .span)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
            date: try c.decodeIfPresent(String.self, forKey: .date),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span) ?? SourceSpan(start: 0, end: 0))
    }
}

extension Target: Codable {
    enum CodingKeys: String, CodingKey {
        case node, text, metric, indicator, value, max, unit, comparator, year, span
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(node, forKey: .node)
        try c.encode(text, forKey: .text)
        try c.encode(metric, forKey: .metric)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(value, forKey: .value)
        try c.encode(max, forKey: .max)
        try c.encode(unit, forKey: .unit)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(year, forKey: .year)
        try c.encode(span, forKey: .span)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            node: try c.decodeIfPresent(String.self, forKey: .node),
            text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
            metric: try c.decodeIfPresent(String.self, forKey: .metric) ?? "",
            indicator: try c.decodeIfPresent(String.self, forKey: .indicator),
            value: try c.decodeIfPresent(Double.self, forKey: .value) ?? .nan,
            max: try c.decodeIfPresent(Double.self, forKey: .max),
            unit: try c.decodeIfPresent(String.self, forKey: .unit) ?? "",
            comparator: (try? c.decodeIfPresent(Comparator.self, forKey: .comparator)) ?? .atLeast,
            year: try c.decodeIfPresent(Int.self, forKey: .year),
            span: try c.decodeIfPresent(SourceSpan.self, forKey: .span) ?? SourceSpan(start: 0, end: 0)
        )
    }
}

extension Plan {
    /// The plan as interchange JSON, keys in the order of SCHEMA.md.
    public func jsonData() -> Data { Data(PlanJSONWriter.write(self).utf8) }
}

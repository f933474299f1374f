/// The places and indicators a sheet may name, looked up by code or by name
/// as offices write them.
struct ActualsDirectory {
    enum Match<Value> {
        case found(Value)
        case unknown
        /// More than one fits the name; the code is needed.
        case ambiguous
    }

    private let placesByCode: [String: JurisdictionNode]
    private let places: [JurisdictionNode]
    private let indicatorsByCode: [String: IndicatorDefinition]
    private let indicatorsByName: [String: [IndicatorDefinition]]

    init(places: [JurisdictionNode], indicators: [IndicatorDefinition]) {
        self.places = places
        placesByCode = Dictionary(places.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorsByCode = Dictionary(indicators.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        indicatorsByName = Dictionary(grouping: indicators) { SheetHeader.normalized($0.name) }
    }

    func place(code: String) -> JurisdictionNode? { placesByCode[FigureText.placeCode(code)] }

    /// The place called `name`: its exact name, else its name without the
    /// division word (随州 for 随州市, 广水 for 广水市), when only one place fits.
    func place(name: String) -> Match<JurisdictionNode> {
        let wanted = Self.compact(name)
        let exact = places.filter { Self.compact($0.name) == wanted }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous }
        let short = Self.short(wanted)
        let near = places.filter { Self.short(Self.compact($0.name)) == short }
        if near.count == 1 { return .found(near[0]) }
        return near.isEmpty ? .unknown : .ambiguous
    }

    /// Whether `name` is a way of writing `place`'s name.
    func names(_ place: JurisdictionNode, _ name: String) -> Bool {
        let wanted = Self.compact(name)
        let own = Self.compact(place.name)
        return wanted == own || Self.short(wanted) == Self.short(own)
    }

    func indicator(code: String) -> IndicatorDefinition? {
        indicatorsByCode[FigureText.ascii(code).lowercased()]
    }

    /// The indicator called `name`, its unit in brackets allowed (高新技术企业总数（家）);
    /// a code written in the name column is taken too.
    func indicator(name: String) -> Match<IndicatorDefinition> {
        let matches = indicatorsByName[SheetHeader.normalized(FigureText.ascii(name))] ?? []
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous }
        return indicator(code: name).map { .found($0) } ?? .unknown
    }

    /// Division words dropped when a name is written short, longest first.
    private static let divisionWords = ["自治县", "自治州", "自治区", "林区", "新区", "地区", "省", "市", "县", "区", "旗", "盟"]

    private static func compact(_ name: String) -> String {
        String(FigureText.ascii(name).filter { !$0.isWhitespace })
    }

    private static func short(_ name: String) -> String {
        for word in divisionWords where name.hasSuffix(word) && name.count > word.count + 1 {
            return String(name.dropLast(word.count))
        }
        return name
    }
}

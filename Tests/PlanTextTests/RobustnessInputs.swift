import Testing

/// Deterministic generator (SplitMix64) so the random inputs are the same every run.
struct RobustnessRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated texts for the robustness tests.
enum RobustnessInputs {
    static let chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static let annotations = [
        "（牵头单位：市科技局；责任单位：市财政局）",
        "（责任单位：各县市区政府，市发改委、市经信局按职责分工负责）",
        "（市科技局牵头，市教育局、市人社局配合；完成时限：2023年6月底前）",
        "（牵头单位：",
        "",
    ]

    static let prose = [
        "深入实施创新驱动发展战略，加快推进高水平科技自立自强。",
        "全年新增高新技术企业120家以上，技术合同成交额突破150亿元。",
        "研发经费投入强度达到2.5%左右，力争建成省级创新平台3到5个。",
        "推动“揭榜挂帅”机制落地，完善《科技成果转化办法》。",
        "2023年12月31日前完成。",
        "",
    ]

    /// Outline labels of every style the plans use, with a running number.
    static func label(style: Int, number: Int) -> String {
        let cn = chineseNumerals[(number - 1) % chineseNumerals.count]
        switch style % 6 {
        case 0: return "\(cn)、"
        case 1: return "（\(cn)）"
        case 2: return "\(number)."
        case 3: return "（\(number)）"
        case 4: return "\(number)、"
        default: return "第\(cn)条 "
        }
    }

    /// Lines mixing outline labels, prose, bare numbers and unit annotations.
    static func mixedOutline(lines: Int, seed: UInt64 = 2023) -> String {
        var rng = RobustnessRandom(seed: seed)
        var out: [String] = []
        out.reserveCapacity(lines)
        for i in 0..<lines {
            let pick = Int.random(in: 0..<10, using: &rng)
            let number = Int.random(in: 1...30, using: &rng)
            switch pick {
            case 0...3:
                let heading = prose.randomElement(using: &rng)! + annotations.randomElement(using: &rng)!
                out.append(label(style: pick + i, number: number) + heading)
            case 4...6:
                out.append(prose.randomElement(using: &rng)!)
            case 7:
                out.append(String(Int.random(in: -1_000_000...1_000_000, using: &rng)) + "." + String(number))
            case 8:
                out.append(annotations.randomElement(using: &rng)!)
            default:
                out.append(String(repeating: " ", count: number % 5) + label(style: number, number: number))
            }
        }
        return out.joined(separator: "\n")
    }

    /// One heading per line, cycling through the label styles so every line could
    /// open a level below the previous one.
    static func deepNesting(levels: Int) -> String {
        var out: [String] = []
        out.reserveCapacity(levels)
        for depth in 0..<levels {
            out.append(label(style: depth, number: depth % 9 + 1) + "第\(depth)层任务（牵头单位：市科技局）")
        }
        return out.joined(separator: "\n")
    }

    /// Unbalanced brackets and quotes; named so test output stays short.
    static let unbalanced: [NamedInput] = [
        NamedInput("open brackets across headings", "一、加强（基础研究\n（一）推进“揭榜挂帅\n1.完善《办法"),
        NamedInput("closers before openers", "）））一、（（（（（（（\n”“”“《《《》"),
        NamedInput("unclosed annotation", "（牵头单位：市科技局；责任单位：（市财政局\n二、）"),
        NamedInput("openers of every kind", "「『【〔［｛{[(<《〈“‘\"'"),
        NamedInput("closers of every kind", "'\"’”〉》>)]}｝］〕】』」"),
        NamedInput("50,000 open brackets", String(repeating: "（", count: 50_000) + "一、" + String(repeating: "）", count: 10)),
        NamedInput("20,000 open quotes before labels", String(repeating: "“（一）", count: 20_000)),
        NamedInput("label split over lines", "（一\n）\n（\n一\n）、"),
    ]
}

/// A generated text with a short name for the test log.
struct NamedInput: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
    var testDescription: String { name }
}

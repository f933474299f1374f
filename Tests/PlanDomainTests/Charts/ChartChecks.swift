@testable import PlanDomain
import Testing

/// What every chart must be: well-formed, only drawing elements, no script,
/// style, link or event attribute, no number that is not a number.
func checkSafeSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedXML? {
    let allowed: Set = ["svg", "title", "g", "text", "line", "path", "circle", "rect"]
    guard let xml = ParsedXML.parse(svg) else {
        Issue.record("not well-formed: \(svg)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(Set(xml.elements).isSubset(of: allowed), "\(Set(xml.elements))", sourceLocation: sourceLocation)
    #expect(xml.elements.first == "svg" && xml.count("svg") == 1, sourceLocation: sourceLocation)
    #expect(xml.attributes.first?["role"] == "img", sourceLocation: sourceLocation)
    #expect(xml.attributes.first?["aria-label"]?.isEmpty == false, sourceLocation: sourceLocation)
    let names = xml.attributes.flatMap(\.keys)
    #expect(!names.contains { $0.hasPrefix("on") || $0.contains("href") || $0 == "style" }, sourceLocation: sourceLocation)
    let lower = svg.lowercased()
    #expect(!lower.contains("nan") && !lower.contains("inf") && !lower.contains("e+"), sourceLocation: sourceLocation)
    return xml
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What Foundation's XML parser saw in a document: nil when it is not
/// well-formed, else the element names in document order (qualified, as
/// written) and the text content.
struct ParsedXML {
    var elements: [String] = []
    var attributes: [[String: String]] = []
    var text = ""

    func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

    /// Attributes of every element called `name`, in document order.
    func attributes(of name: String) -> [[String: String]] {
        zip(elements, attributes).filter { $0.0 == name }.map(\.1)
    }

    static func parse(_ text: String) -> ParsedXML? { parse(Data(text.utf8)) }

    static func parse(_ data: Data) -> ParsedXML? {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { return nil }
        return collector.result
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var result = ParsedXML()

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            result.elements.append(qName ?? elementName)
            result.attributes.append(attributeDict)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { result.text += string }
    }
}

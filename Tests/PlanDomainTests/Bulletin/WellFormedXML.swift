import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What Foundation's XML parser saw in a document: nil when it is not
/// well-formed, else the element names in document order (qualified, as
/// written), their attributes and own text, and the whole text content.
struct ParsedXML {
    var elements: [String] = []
    var attributes: [[String: String]] = []
    /// The text directly inside each element (not its children's).
    var contents: [String] = []
    var text = ""

    func count(_ name: String) -> Int { elements.filter { $0 == name }.count }

    /// Attributes of every element called `name`, in document order.
    func attributes(of name: String) -> [[String: String]] {
        zip(elements, attributes).filter { $0.0 == name }.map(\.1)
    }

    /// The own text of every element called `name`, in document order.
    func texts(of name: String) -> [String] {
        zip(elements, contents).filter { $0.0 == name }.map(\.1)
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
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            open.append(result.elements.count)
            result.elements.append(qName ?? elementName)
            result.attributes.append(attributeDict)
            result.contents.append("")
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            result.text += string
            if let current = open.last { result.contents[current] += string }
        }
    }
}

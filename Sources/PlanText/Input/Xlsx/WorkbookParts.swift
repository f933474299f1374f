/// The small parts of a workbook that say where the cells are and hold their
/// shared text: the sheet list, relationships by id, the shared string table.
enum WorkbookParts {
    struct SheetEntry {
        var name: String
        var relationship: String
    }

    /// `<sheet name="…" r:id="rId1"/>` in tab order.
    static func sheetList(_ bytes: [UInt8]) throws(PlanTextError) -> [SheetEntry] {
        var xml = XMLTokenizer(bytes)
        var sheets: [SheetEntry] = []
        while let event = try xml.next() {
            guard event == .start, xml.split(xml.name).local.elementsEqual("sheet".utf8) else { continue }
            var entry = SheetEntry(name: "", relationship: "")
            for attribute in xml.attributes {
                let (prefix, local) = xml.split(attribute.name)
                if prefix.isEmpty, local.elementsEqual("name".utf8) { entry.name = xml.value(attribute) }
                if !prefix.isEmpty, local.elementsEqual("id".utf8) { entry.relationship = xml.value(attribute) }
            }
            sheets.append(entry)
        }
        return sheets
    }

    /// The shared string table: each `<si>` is one string, either a plain `<t>`
    /// or rich-text runs `<r><t>…</t></r>` joined; phonetic guides (`<rPh>`)
    /// are annotations above the text, not part of it.
    static func sharedStrings(_ bytes: [UInt8]) throws(PlanTextError) -> [String] {
        var xml = XMLTokenizer(bytes)
        var strings: [String] = []
        var collector = TextCollector(item: "si")
        while let event = try xml.next() {
            if let text = collector.take(event, &xml) { strings.append(text) }
        }
        return strings
    }
}

/// Gathers the text of an item made of `<t>` elements, possibly in runs (`<si>`
/// in the shared strings, `<is>` in an inline-string cell).
struct TextCollector {
    let item: String
    private var depthInItem = 0
    private var inText = false
    private var inPhonetic = false
    private var buffer: [UInt8] = []

    init(item: String) {
        self.item = item
    }

    var isInside: Bool { depthInItem > 0 }

    /// Feeds one event; returns the item's text when the item ends.
    mutating func take(_ event: XMLTokenizer.Event, _ xml: inout XMLTokenizer) -> String? {
        switch event {
        case .start:
            let local = xml.split(xml.name).local
            if local.elementsEqual(item.utf8) {
                depthInItem += 1
                buffer.removeAll(keepingCapacity: true)
            } else if depthInItem > 0 {
                if local.elementsEqual("rPh".utf8) { inPhonetic = true }
                if local.elementsEqual("t".utf8) { inText = true }
            }
        case .end:
            let local = xml.split(xml.name).local
            if local.elementsEqual(item.utf8), depthInItem > 0 {
                depthInItem -= 1
                inText = false
                inPhonetic = false
                return String(decoding: buffer, as: UTF8.self)
            }
            if local.elementsEqual("rPh".utf8) { inPhonetic = false }
            if local.elementsEqual("t".utf8) { inText = false }
        case .text:
            if depthInItem > 0, inText, !inPhonetic { xml.appendText(to: &buffer) }
        }
        return nil
    }
}

extension DocxPackage {
    struct Relationship {
        var type: String
        var path: String
    }

    /// A part's relationships by their id (`rId3`), with the last segment of
    /// their type (`worksheet`) and the target resolved to a package path.
    mutating func relationshipsById(of part: String) throws(PlanTextError) -> [String: Relationship] {
        let folder = DocxReader.sibling(of: part, "")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        guard let bytes = try read(folder + "_rels/" + file + ".rels") else { return [:] }
        var xml = XMLTokenizer(bytes)
        var result: [String: Relationship] = [:]
        while let event = try xml.next() {
            guard event == .start, xml.split(xml.name).local.elementsEqual("Relationship".utf8) else { continue }
            var id = "", type = "", target = "", external = false
            for attribute in xml.attributes {
                switch String(decoding: xml.split(attribute.name).local, as: UTF8.self) {
                case "Id": id = xml.value(attribute)
                case "Type": type = xml.value(attribute)
                case "Target": target = xml.value(attribute)
                case "TargetMode": external = xml.value(attribute).lowercased() == "external"
                default: break
                }
            }
            guard !external, !id.isEmpty, !target.isEmpty, result[id] == nil else { continue }
            let kind = type.split(separator: "/").last.map(String.init) ?? ""
            result[id] = Relationship(type: kind, path: Self.resolve(target, in: folder))
        }
        return result
    }
}

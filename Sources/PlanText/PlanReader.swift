import Foundation

/// Bytes of a plan file → its structure. The format is detected from the bytes,
/// never from the file name, which is used only for the `file` field.
public enum PlanReader {
    public static func read(_ data: Data, file: String) throws(PlanTextError) -> Plan {
        let document = try DocumentDecoder.decode(data)
        var plan = PlanParser.parse(document.text, file: file)
        plan.source = PlanSource(format: document.format, encoding: document.encoding, text: document.text)
        return plan
    }
}

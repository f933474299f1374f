// libFuzzer entry for format detection, decoding and .docx reading:
// bytes → PlanReader.read. A PlanTextError is a normal outcome; a crash, trap,
// hang or runaway allocation is a finding. Built only by scripts/fuzz.sh.
import Foundation
import PlanText

@_cdecl("LLVMFuzzerTestOneInput")
public func readDocumentFuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do throws(PlanTextError) {
        let plan = try PlanReader.read(data, file: "fuzz.docx")
        precondition(plan.file == "fuzz.docx")
    } catch {
        _ = error.errorDescription
    }
    return 0
}

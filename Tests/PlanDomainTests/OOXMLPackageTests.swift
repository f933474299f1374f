import Foundation
import PlanDomain
import Testing
import ZIPFoundation

@Suite struct OOXMLPackageTests {
    /// The parts come back in the order given, each with its text, deflated,
    /// dated 1980-01-01; the same parts give the same bytes.
    @Test func partsAreZippedInOrderWithFixedDates() throws {
        let parts = [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook>甲乙</workbook>")]
        let data = try OOXMLPackage(parts).data()
        #expect(try OOXMLPackage(parts).data() == data)
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == ["[Content_Types].xml", "xl/workbook.xml"])
        var text = Data()
        _ = try archive.extract(entries[1]) { text.append($0) }
        #expect(String(decoding: text, as: UTF8.self) == "<workbook>甲乙</workbook>")
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: entries[0].fileAttributes[.modificationDate] as? Date ?? .distantPast)
        #expect(day.year == 1980 && day.month == 1 && day.day == 1)
        #expect(entries.allSatisfy { $0.isCompressed })
    }
}

/// The bulletin's chart as a DrawingML chart part (`word/charts/chart1.xml`)
/// and the inline drawing that places it in the body: a native chart Word, WPS
/// and LibreOffice draw and restyle, not a picture.
///
/// The part carries no embedded workbook (`c:externalData`): readers draw
/// from the caches (`c:strCache`, `c:numCache`), so the chart displays and
/// prints everywhere; only Word's 编辑数据 needs the workbook, and the numbers
/// are edited in sciplan, not in the document. The `Sheet1!…` formulas are
/// where such a workbook would keep them.
enum BulletinChart {
    static let path = "word/charts/chart1.xml"
    /// The target as `word/_rels/document.xml.rels` gives it, relative to word/.
    static let target = "charts/chart1.xml"
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    /// After styles (rId1) and settings (rId2).
    static let relationshipID = "rId3"
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let wordDrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

    /// The full text width of the A4 page (8306 twips × 635 EMU per twip, 14.65 cm)
    /// by 8 cm: as wide as the tables above and below it.
    static let width = 8306 * 635
    static let height = 2_880_000

    /// Blue and orange for 完成率 and 预计完成率 (Office's first two), then the rest.
    static let colours = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"]

    /// The chart this bulletin draws, nil when there is nothing to draw.
    static func drawn(_ bulletin: Bulletin) -> Bulletin.ChartData? {
        bulletin.chart.flatMap { $0.isDrawable ? $0 : nil }
    }

    /// The paragraph holding the chart, centred, as Word writes an inline chart.
    static func paragraph(_ chart: Bulletin.ChartData) -> String {
        let name = SpreadsheetXML.escape(chart.title)
        return #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>"#
            + #"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\#(width)" cy="\#(height)"/>"#
            + #"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="图表 1" descr="\#(name)"/>"#
            + #"<wp:cNvGraphicFramePr/><a:graphic xmlns:a="\#(drawingNamespace)">"#
            + #"<a:graphicData uri="\#(chartNamespace)"><c:chart xmlns:c="\#(chartNamespace)""#
            + #" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)" r:id="\#(relationshipID)"/>"#
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// `word/charts/chart1.xml`: title, clustered columns, category and value
    /// axes, legend below, each column labelled with its value.
    static func xml(_ chart: Bulletin.ChartData) -> String {
        var out = SpreadsheetXML.header + #"<c:chartSpace xmlns:c="\#(chartNamespace)" xmlns:a="\#(drawingNamespace)""#
            + #" xmlns:r="\#(SpreadsheetXML.relationshipNamespace)">"#
            // Without roundedCorners="0" Word draws the frame with rounded corners.
            + #"<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>"#
            + "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>" + runProperties(size: 1200, bold: true)
            + "</a:pPr><a:r>" + runProperties(size: 1200, bold: true, tag: "a:rPr") + "<a:t>"
            + SpreadsheetXML.escape(chart.title) + #"</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>"#
            + #"<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>"#
            // varyColors="0": one colour per series, not per column (LibreOffice's default otherwise).
            + #"<c:grouping val="clustered"/><c:varyColors val="0"/>"#
        for (i, series) in chart.series.enumerated() {
            out += self.series(series, index: i, categories: chart.categories)
        }
        out += #"<c:dLbls><c:numFmt formatCode="\#(SpreadsheetXML.escape(labelFormat))" sourceLinked="0"/>"#
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: 800)
            + #"<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>"#
            + #"<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#
            + #"<c:gapWidth val="80"/><c:overlap val="-10"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>"#
            + #"<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>"#
            + #"<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>"#
            + #"<c:minorTickMark val="none"/><c:tickLblPos val="low"/>"# + textProperties(size: 900)
            + #"<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>"#
            + #"<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
            + #"<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>"#
            + #"<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/>"#
            + #"</a:solidFill></a:ln></c:spPr></c:majorGridlines>"#
            + #"<c:numFmt formatCode="\#(SpreadsheetXML.escape(axisFormat))" sourceLinked="0"/>"#
            + #"<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#
            + textProperties(size: 900) + #"<c:crossAx val="1001"/><c:crosses val="autoZero"/>"#
            + #"<c:crossBetween val="between"/></c:valAx></c:plotArea>"#
            + #"<c:legend><c:legendPos val="b"/><c:overlay val="0"/>"# + textProperties(size: 900) + "</c:legend>"
            + #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#
            + textProperties(size: 900) + "</c:chartSpace>"
        return out
    }

    /// Values are percent: 40 prints 40%, 16.7 prints 16.7% (`0.#` would print "40.%").
    static let labelFormat = #"General"%""#
    static let axisFormat = #"0"%""#

    private static func series(_ series: Bulletin.ChartData.Series, index: Int, categories: [String]) -> String {
        let last = categories.count + 1
        let column = "$" + SpreadsheetXML.column(index + 1) + "$"
        var out = #"<c:ser><c:idx val="\#(index)"/><c:order val="\#(index)"/>"#
            + "<c:tx><c:strRef><c:f>Sheet1!\(column)1</c:f><c:strCache>"
            + #"<c:ptCount val="1"/><c:pt idx="0"><c:v>"# + SpreadsheetXML.escape(series.name) + "</c:v></c:pt>"
            + "</c:strCache></c:strRef></c:tx>"
            + #"<c:spPr><a:solidFill><a:srgbClr val="\#(colours[index % colours.count])"/></a:solidFill></c:spPr>"#
            + #"<c:invertIfNegative val="0"/>"#
            + "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(last)</c:f><c:strCache>"
            + #"<c:ptCount val="\#(categories.count)"/>"#
        for (i, category) in categories.enumerated() {
            out += #"<c:pt idx="\#(i)"><c:v>"# + SpreadsheetXML.escape(category) + "</c:v></c:pt>"
        }
        out += "</c:strCache></c:strRef></c:cat>"
            + "<c:val><c:numRef><c:f>Sheet1!\(column)2:\(column)\(last)</c:f><c:numCache>"
            + #"<c:formatCode>General</c:formatCode><c:ptCount val="\#(categories.count)"/>"#
        // A missing point is left out of the cache: the column is simply not drawn.
        for (i, value) in series.values.prefix(categories.count).enumerated() {
            guard let value, value.isFinite else { continue }
            out += #"<c:pt idx="\#(i)"><c:v>"# + number(value) + "</c:v></c:pt>"
        }
        return out + "</c:numCache></c:numRef></c:val></c:ser>"
    }

    /// A value as the cache writes it: 40, 16.7, 0.125; whole numbers without ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Chinese text in 宋体 (SimSun for Latin), at `size` hundredths of a point.
    private static func runProperties(size: Int, bold: Bool = false, tag: String = "a:defRPr") -> String {
        #"<\#(tag) sz="\#(size)" b="\#(bold ? 1 : 0)"><a:latin typeface="SimSun"/><a:ea typeface="宋体"/></\#(tag)>"#
    }

    private static func textProperties(size: Int) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>" + runProperties(size: size)
            + #"</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>"#
    }
}

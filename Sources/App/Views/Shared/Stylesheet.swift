import Vapor

/// The one stylesheet, served from the binary: nothing to ship beside it.
/// Mobile first; the review page splits in two columns from 960 px.
enum Stylesheet {
    @Sendable static func response(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: css))
        response.headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f5f7fa;line-height:1.6;font-size:16px}
    a{color:#0b5cad}
    .demo-banner{background:#fff3c4;color:#5c4400;padding:.4rem 1rem;text-align:center;font-size:.9rem}
    header.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;background:#123e6b;color:#fff;padding:.6rem 1rem}
    header.top a{color:#fff;text-decoration:none;margin-right:1rem}
    header.top .brand{font-weight:bold}
    header.top nav{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}
    header.top .who{opacity:.85;margin-right:.6rem;font-size:.9rem}
    .link-button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:.1rem .6rem;cursor:pointer}
    main.page{max-width:1400px;margin:0 auto;padding:1rem}
    h1{font-size:1.4rem;margin:.4rem 0 1rem}
    h2{font-size:1.15rem;margin:1.2rem 0 .6rem}
    .flash{background:#e3f2e1;border-left:4px solid #2f8a3b;padding:.6rem 1rem;margin:.6rem 1rem}
    .error{color:#a61b1b;background:#fde8e8;border-left:4px solid #a61b1b;padding:.6rem 1rem}
    .hint{color:#52606d;font-size:.92rem}
    .ok{color:#2f7a38}.warn{color:#a15c00}
    .card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:1rem;margin:.6rem 0}
    .narrow{max-width:34rem}
    .visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
    .field{display:block;margin:.4rem 0}
    .field span{display:block;font-size:.85rem;color:#52606d}
    input[type=text],input[type=password],input[type=date],input:not([type]),select{width:100%;padding:.45rem;border:1px solid #bcccdc;border-radius:4px;font:inherit}
    input[type=file]{font:inherit;max-width:100%}
    .button,button{display:inline-block;background:#0b5cad;color:#fff;border:0;border-radius:4px;padding:.45rem 1rem;font:inherit;cursor:pointer;text-decoration:none;margin:.2rem .3rem .2rem 0}
    .button.secondary,button.secondary{background:#e4ecf5;color:#123e6b}
    button.small,.small{padding:.25rem .7rem;font-size:.9rem}
    button.danger{background:#b42318}
    form.inline{display:inline}
    .actions{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center;margin:.6rem 0}
    .table-wrap{overflow-x:auto;background:#fff;border:1px solid #d9e2ec;border-radius:6px}
    table.grid{border-collapse:collapse;width:100%;min-width:640px}
    table.grid th,table.grid td{border-bottom:1px solid #e4e7eb;padding:.45rem .6rem;text-align:left;vertical-align:top}
    table.grid th{background:#f0f4f8;position:sticky;top:0}
    table.audit td:nth-child(1),table.audit td:nth-child(2){white-space:nowrap}
    code.code{color:#4a5561;font-size:.8rem;word-break:break-all}
    label.pick{display:inline-flex;gap:.25rem;align-items:center;font-weight:600}
    ul.figures{margin:.25rem 0;padding-left:1.2rem}
    .status{padding:.05rem .5rem;border-radius:10px;font-size:.85rem;background:#e4ecf5}
    .status-published{background:#e3f2e1}.status-closed{background:#eee}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}
    dl.facts dt{color:#52606d}dl.facts dd{margin:0}
    ol.tree{list-style:none;padding-left:1rem;margin:.2rem 0}
    ol.tree>li{margin:.4rem 0}
    .node .label{font-weight:bold;margin-right:.4rem}
    .node.section .title{font-weight:bold}
    .meta{font-size:.9rem;color:#52606d;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
    ul.targets{margin:.2rem 0;padding-left:1.2rem;font-size:.92rem;color:#334e68}
    .review{display:grid;grid-template-columns:1fr;gap:1rem}
    .source-text{white-space:pre-wrap;background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:1rem;max-height:80vh;overflow:auto;font-size:.95rem}
    .source-text:focus-visible{outline:2px solid #0b5cad;outline-offset:2px}
    mark.hl-node{background:#dbeafe}mark.hl-unit{background:#fde68a}mark.hl-target{background:#bbf7d0;outline:1px solid #34a853}
    .node-card .node-head{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
    .node-card .key{font-weight:bold}
    .tag{font-size:.8rem;background:#e4ecf5;border-radius:8px;padding:0 .5rem}.tag.task{background:#e3f2e1}
    .node-form,.target-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0 .8rem;align-items:end}
    .target{border-top:1px dashed #d9e2ec;margin-top:.6rem;padding-top:.4rem}
    .level-2{margin-left:.6rem}.level-3{margin-left:1.2rem}.level-4{margin-left:1.8rem}
    .filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.4rem 1rem;align-items:end}
    .lines div{margin-bottom:.2rem}
    .unit-actions{display:flex;flex-wrap:wrap;gap:.2rem}
    .pick select{width:auto;max-width:12rem}
    .empty{color:#52606d;font-style:italic}
    .health{display:inline-block;border-radius:10px;padding:0 .6rem;font-size:.85rem;color:#fff;background:#616161}
    .h-completed{background:#1b5e20;color:#fff}.h-onTrack{background:#2e7d32;color:#fff}.h-behind{background:#f9a825;color:#1f2933}.h-atRisk{background:#c2410c;color:#fff}.h-overdue{background:#c62828;color:#fff}.h-missed{background:#8e1c1c;color:#fff}.h-noData{background:#616161;color:#fff}
    .counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0}.count{border-radius:10px;padding:.1rem .7rem;font-size:.9rem}.count.total{background:#e4ecf5}
    .state{font-size:.8rem;border-radius:8px;padding:0 .5rem;background:#e4ecf5}.state-submitted{background:#dbeafe}.state-returned{background:#fde2e1}.state-accepted{background:#e3f2e1}.state-draft{background:#f1f3f5}
    .timeliness{font-size:.8rem}.t-late,.t-missing{color:#c62828}.t-onTime{color:#2e7d32}
    .returned{background:#fde2e1;border-left:4px solid #c62828;padding:.3rem .6rem}
    .partner-reports ul{padding-left:1.2rem}.partner-reports li{margin:.15rem 0}.partner-missing,.partner-returned{color:#b91c1c}
    .decision-row{display:grid;grid-template-columns:3fr 1.2fr 1fr;gap:.5rem;border:1px solid #d5dde6;border-radius:6px;margin:.4rem 0}
    @media (max-width:700px){.decision-row{grid-template-columns:1fr}}
    .error{color:#b00020;font-weight:bold}.notice{background:#fff3c4;padding:.3rem .6rem}
    span.unread{display:inline-block;min-width:1.2rem;margin-left:.25rem;padding:0 .3rem;border-radius:.6rem;background:#b91c1c;color:#fff;font-size:.8rem;text-align:center}
    .card.notice{background:#fff;border-left:6px solid #9ca3af;padding:.6rem .8rem}
    .card.notice[data-level=blue]{border-left-color:#1d4ed8}.card.notice[data-level=yellow]{border-left-color:#d97706}.card.notice[data-level=red]{border-left-color:#b91c1c}
    .notice-level{display:inline-block;border-radius:4px;padding:0 .5rem}.notice-level.level-blue{background:#1d4ed8;color:#fff}
    .notice-level.level-yellow{background:#fde68a;color:#1f2933}.notice-level.level-red{background:#b91c1c;color:#fff}
    .report-item textarea{width:100%;font:inherit}.field.wide{display:block}
    .row{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:0 .8rem;align-items:end}
    .actions.sticky{position:sticky;bottom:0;background:#f5f7fa;padding:.6rem 0;border-top:1px solid #d9e2ec}
    .chip{display:inline-block;background:#e4ecf5;border-radius:10px;padding:0 .6rem;margin:.1rem;font-size:.85rem;text-decoration:none}
    .tabs{display:flex;flex-wrap:wrap;gap:.3rem;margin:.4rem 0 1rem}.tab{padding:.2rem .8rem;border-radius:6px;background:#e4ecf5;text-decoration:none}.tab.current{background:#123e6b;color:#fff}
    .timeline{list-style:none;padding-left:0}.timeline li{border-left:3px solid #d9e2ec;padding:.1rem .6rem;margin-bottom:.3rem}
    .notifications{list-style:none;padding-left:0}.notifications li{background:#fff;border-radius:6px;padding:.5rem .8rem;margin-bottom:.4rem}.notifications li.unread{border-left:4px solid #0b5cad}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}.chart{margin:0;background:#fff;border-radius:6px;padding:.5rem}
    svg{max-width:100%;height:auto}
    .review-forms{display:flex;flex-wrap:wrap;gap:.5rem}.button.danger{background:#c62828}.button.small{padding:.1rem .6rem;font-size:.85rem}
    .crumbs{margin:0;font-size:.9rem}
    .summary-line{margin:.2rem 0}.summary-counts{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:.3rem 0}.summary-counts strong{font-size:1.4rem;color:#8e1c1c}
    .summary-cards{list-style:none;padding:0;margin:.3rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.5rem}
    .summary-card{margin:0;padding:.3rem .6rem;border-left:5px solid #8e1c1c;line-height:1.4}.summary-card[data-kind=late]{border-left-color:#c2410c}.summary-card p{margin:.1rem 0}
    .summary-title{font-weight:bold}.summary-figures,.summary-who,.summary-why{font-size:.88rem;color:#374151}.summary-figures{color:#1f2933}.state[data-health=missed]{color:#8e1c1c;font-weight:normal;font-size:.85rem}
    @media (max-width:640px){.cards-wrap{background:none;border:none;overflow:visible}table.cards{min-width:0}table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
      table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}table.cards tr{background:#fff;border:1px solid #d9e2ec;border-radius:6px;margin:0 0 .5rem;padding:.35rem .6rem}
      table.cards td{border:none;padding:.1rem 0}table.cards td:empty{display:none}table.cards td[data-label]::before{content:attr(data-label) "：";color:#52606d;font-size:.85rem}}
        @media (min-width:960px){.review{grid-template-columns:minmax(0,5fr) minmax(0,6fr)}.review .source{position:sticky;top:0;align-self:start}}
    """
}

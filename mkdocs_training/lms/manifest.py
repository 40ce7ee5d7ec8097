"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition.

One organization; each module is an item launching its own SCO resource,
and every theme file is in one shared asset resource the SCOs depend on.
The package's language is on the manifest (xml:lang) and in its metadata;
a module's mastery score is where each version's LMS looks for it:
adlcp:masteryscore (1.2, per cent) and the primary objective's
minNormalizedMeasure (2004, 0 to 1), which the LMS gives the SCO as
cmi.student_data.mastery_score and cmi.scaled_passing_score.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

SCORM_12 = "1.2"
SCORM_2004 = "2004"
VERSIONS = (SCORM_12, SCORM_2004)

# The schema files each version's manifest names; they go into the package's
# root beside it, as ADL's conformance rules ask.
SCHEMAS = {
    SCORM_12: {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
    SCORM_2004: {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
}
# Files the schemas above include or import.
SCHEMA_HELPERS = {
    SCORM_12: ["ims_xml.xsd"],
    SCORM_2004: ["xml.xsd", "XMLSchema.dtd", "datatypes.dtd"]
    + [
        f"imsss_v1p0{part}.xsd"
        for part in (
            "auxresource",
            "control",
            "delivery",
            "limit",
            "objective",
            "random",
            "rollup",
            "seqrule",
            "util",
        )
    ],
}
ASSETS = "assets"


@dataclass
class Sco:
    id: str
    title: str
    href: str  # The launch page, package-relative.
    mastery: float | None  # Per cent (80, or 80.5); None: completion only.


@dataclass
class Package:
    identifier: str
    title: str
    description: str
    language: str
    version: str  # The content's version: its newest review date.
    scos: list[Sco]
    assets: list[str]  # Every other file, package-relative.


def text(value: str) -> str:
    return escape(value)


def attr(value: str) -> str:
    return quoteattr(value)


def schema_location(version: str) -> str:
    return " ".join(f"{ns} {name}" for ns, name in SCHEMAS[version].items())


def resources(package: Package, scorm_type: str) -> str:
    lines = []
    for sco in package.scos:
        lines += [
            f'    <resource identifier="sco-{sco.id}" type="webcontent" {scorm_type}="sco" href={attr(sco.href)}>',
            f"      <file href={attr(sco.href)}/>",
            f'      <dependency identifierref="{ASSETS}"/>',
            "    </resource>",
        ]
    lines.append(f'    <resource identifier="{ASSETS}" type="webcontent" {scorm_type}="asset">')
    lines += [f"      <file href={attr(path)}/>" for path in package.assets]
    lines.append("    </resource>")
    return "\n".join(lines)


def scorm12(package: Package) -> str:
    lang = package.language
    items = []
    for sco in package.scos:
        mastery = (
            ""
            if sco.mastery is None
            else f"\n        <adlcp:masteryscore>{sco.mastery}</adlcp:masteryscore>"
        )
        items.append(
            f'      <item identifier="item-{sco.id}" identifierref="sco-{sco.id}">\n'
            f"        <title>{text(sco.title)}</title>{mastery}\n"
            "      </item>"
        )
    items_xml = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={attr(package.identifier)} version={attr(package.version)} xml:lang="{lang}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{schema_location(SCORM_12)}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="{lang}">{text(package.title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>{lang}</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="{lang}">{text(package.description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="training">
    <organization identifier="training">
      <title>{text(package.title)}</title>
{items_xml}
    </organization>
  </organizations>
  <resources>
{resources(package, "adlcp:scormtype")}
  </resources>
</manifest>
"""


def scorm2004(package: Package) -> str:
    lang = package.language
    items = []
    for sco in package.scos:
        sequencing = ""
        if sco.mastery is not None:
            # Satisfied by measure: passed when the scaled score reaches the mastery score.
            sequencing = f"""
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="{sco.id}-knowledge-check" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{measure(sco.mastery)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>"""
        items.append(
            f'      <item identifier="item-{sco.id}" identifierref="sco-{sco.id}">\n'
            f"        <title>{text(sco.title)}</title>{sequencing}\n"
            "      </item>"
        )
    items_xml = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={attr(package.identifier)} version={attr(package.version)} xml:lang="{lang}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{schema_location(SCORM_2004)}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
      <general>
        <title><string language="{lang}">{text(package.title)}</string></title>
        <language>{lang}</language>
        <description><string language="{lang}">{text(package.description)}</string></description>
      </general>
    </lom>
  </metadata>
  <organizations default="training">
    <organization identifier="training">
      <title>{text(package.title)}</title>
{items_xml}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
{resources(package, "adlcp:scormType")}
  </resources>
</manifest>
"""


def measure(mastery: float) -> str:
    """80 -> '0.8': SCORM 2004 measures run from -1 to 1."""
    return f"{mastery / 100:.4f}".rstrip("0").rstrip(".") if mastery else "0"


WRITERS = {SCORM_12: scorm12, SCORM_2004: scorm2004}

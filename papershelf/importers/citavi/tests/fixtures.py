"""A small Citavi 6 project on groundwater, exported as XML, written for these tests.

Its shape is Citavi's: GUID ids in attributes, fields as elements, link tables of
``<OnetoN>`` rows, a category system with the top level under the zero GUID, knowledge
items with Citavi's page markup in CDATA. The references and quotations are invented.
"""

from __future__ import annotations

# Persons
HALVORSEN = "6c1f0d1e-0a43-4b59-9e7e-0d3b1a7c2f01"
OKONKWO = "6c1f0d1e-0a43-4b59-9e7e-0d3b1a7c2f02"
VARGA = "6c1f0d1e-0a43-4b59-9e7e-0d3b1a7c2f03"
LINDQVIST = "6c1f0d1e-0a43-4b59-9e7e-0d3b1a7c2f04"
TEMPERLEY = "6c1f0d1e-0a43-4b59-9e7e-0d3b1a7c2f05"
# Periodicals, keywords, groups, categories
AQUIFER_JOURNAL = "a7d0c3b2-1111-4c2e-8f00-5e9b2c4d6a01"
RECHARGE = "b8e1d4c3-2222-4d3f-9a11-6fac3d5e7b02"
KARST = "b8e1d4c3-2222-4d3f-9a11-6fac3d5e7b03"
TO_READ = "c9f2e5d4-3333-4e40-8b22-70bd4e6f8c01"
ZERO = "00000000-0000-0000-0000-000000000000"
GROUNDWATER = "d0a3f6e5-4444-4f51-9c33-81ce5f709d01"
RECHARGE_ESTIMATES = "d0a3f6e5-4444-4f51-9c33-81ce5f709d02"
TRACERS = "d0a3f6e5-4444-4f51-9c33-81ce5f709d03"
FLOODS = "d0a3f6e5-4444-4f51-9c33-81ce5f709d04"
# References
CHLORIDE = "e1b4a7f6-5555-4a62-8d44-92df60810e01"
KARST_CHAPTER = "e1b4a7f6-5555-4a62-8d44-92df60810e02"
KARST_BOOK = "e1b4a7f6-5555-4a62-8d44-92df60810e03"
GAUGE_PORTAL = "e1b4a7f6-5555-4a62-8d44-92df60810e04"
SEMINAR = "e1b4a7f6-5555-4a62-8d44-92df60810e05"
MY_DRAFT = "e1b4a7f6-5555-4a62-8d44-92df60810e06"
SURROGATE = "e1b4a7f6-5555-4a62-8d44-92df60810e07"
BASEFLOW = "e1b4a7f6-5555-4a62-8d44-92df60810e08"
UNREAD = "e1b4a7f6-5555-4a62-8d44-92df60810e09"

_PAGES = (
    "<![CDATA[<sp>\n  <n>412</n>\n  <in>true</in>\n  <os>412</os>\n  <ps>412</ps>\n</sp>\n"
    "<ep>\n  <n>413</n>\n  <in>true</in>\n  <os>413</os>\n  <ps>413</ps>\n</ep>\n"
    "<os>412–413</os>]]>"
)
_ONE_PAGE = (
    "<![CDATA[<sp>\n  <n>7</n>\n  <in>true</in>\n  <os>7</os>\n  <ps>7</ps>\n</sp>\n<os>7</os>]]>"
)

PROJECT = f"""<?xml version="1.0" encoding="utf-8"?>
<CitaviExchangeData Version="6.11.0.0">
  <Persons>
    <Person id="{HALVORSEN}"><FirstName>Ingrid</FirstName><LastName>Halvorsen</LastName></Person>
    <Person id="{OKONKWO}">
      <FirstName>Chidi</FirstName><MiddleName>A.</MiddleName><LastName>Okonkwo</LastName>
    </Person>
    <Person id="{VARGA}"><FirstName>Bálint</FirstName><LastName>Varga</LastName></Person>
    <Person id="{LINDQVIST}"><FirstName>Sofia</FirstName><LastName>Lindqvist</LastName></Person>
    <Person id="{TEMPERLEY}"><FirstName>Owen</FirstName><LastName>Temperley</LastName></Person>
  </Persons>
  <Periodicals>
    <Periodical id="{AQUIFER_JOURNAL}">
      <Name>Aquifer Science Letters</Name>
      <StandardAbbreviation>Aquifer Sci. Lett.</StandardAbbreviation>
    </Periodical>
  </Periodicals>
  <Keywords>
    <Keyword id="{RECHARGE}"><Name>groundwater recharge</Name></Keyword>
    <Keyword id="{KARST}"><Name>karst</Name></Keyword>
  </Keywords>
  <Groups>
    <Group id="{TO_READ}"><Name>to read</Name></Group>
  </Groups>
  <Categories>
    <Category id="{FLOODS}"><Name>Flood forecasting</Name></Category>
    <Category id="{GROUNDWATER}"><Name>Groundwater</Name></Category>
    <Category id="{TRACERS}"><Name>Tracer methods</Name></Category>
    <Category id="{RECHARGE_ESTIMATES}"><Name>Recharge estimates</Name></Category>
  </Categories>
  <References>
    <Reference id="{CHLORIDE}">
      <ReferenceType>JournalArticle</ReferenceType>
      <Title>Chloride mass balance in semi-arid basins</Title>
      <Subtitle>Uncertainty from dry deposition</Subtitle>
      <Year>2019</Year>
      <Volume>41</Volume>
      <Number>3</Number>
      <PageRange>{_PAGES}</PageRange>
      <Doi>10.5555/asl.2019.0412</Doi>
      <PeriodicalID>{AQUIFER_JOURNAL}</PeriodicalID>
      <Abstract>We estimate diffuse recharge from chloride in the unsaturated zone.</Abstract>
    </Reference>
    <Reference id="{KARST_CHAPTER}">
      <ReferenceType>Contribution</ReferenceType>
      <Title>Conduit flow in young karst</Title>
      <PageRange>{_ONE_PAGE}</PageRange>
    </Reference>
    <Reference id="{KARST_BOOK}">
      <ReferenceType>BookEdited</ReferenceType>
      <Title>Karst Aquifers</Title>
      <Subtitle>Field Methods</Subtitle>
      <Year>2016</Year>
    </Reference>
    <Reference id="{GAUGE_PORTAL}">
      <ReferenceType>InternetDocument</ReferenceType>
      <Title>National river gauge portal</Title>
      <OnlineAddress>https://gauges.example.org/</OnlineAddress>
    </Reference>
    <Reference id="{SEMINAR}">
      <ReferenceType>Lecture</ReferenceType>
      <Title>Isotopes in catchment hydrology</Title>
    </Reference>
    <Reference id="{MY_DRAFT}">
      <ReferenceType>Manuscript</ReferenceType>
      <Title>Draft: recharge under irrigated fields</Title>
    </Reference>
    <Reference id="{SURROGATE}">
      <ReferenceType>UnpublishedWork</ReferenceType>
      <Title>Neural surrogates for flood routing</Title>
      <Year>2023</Year>
      <OnlineAddress>https://arxiv.org/abs/2305.01234v2</OnlineAddress>
    </Reference>
    <Reference id="{BASEFLOW}">
      <ReferenceType>JournalArticle</ReferenceType>
      <Title>Baseflow separation with two-parameter filters</Title>
      <Date>03/2021</Date>
      <PeriodicalID>{AQUIFER_JOURNAL}</PeriodicalID>
      <Evaluation>Useful for the methods chapter; the filter constant matters more
than they admit.</Evaluation>
    </Reference>
    <Reference id="{UNREAD}">
      <ReferenceType>JournalArticle</ReferenceType>
      <Title>Snowmelt pulses in alpine springs</Title>
      <Year>2022</Year>
    </Reference>
  </References>
  <KnowledgeItems>
    <KnowledgeItem id="f2c5b8a7-6666-4b73-9e55-a3e071921f01">
      <CoreStatement>Dry deposition dominates</CoreStatement>
      <KnowledgeItemType>0</KnowledgeItemType>
      <PageRange>{_PAGES}</PageRange>
      <PageRangeNumber>412</PageRangeNumber>
      <QuotationIndex>0</QuotationIndex>
      <QuotationType>1</QuotationType>
      <ReferenceID>{CHLORIDE}</ReferenceID>
      <Text>Where rainfall is below 300 mm, dry deposition supplies most of the chloride.</Text>
    </KnowledgeItem>
    <KnowledgeItem id="f2c5b8a7-6666-4b73-9e55-a3e071921f03">
      <CoreStatement>My doubt …</CoreStatement>
      <KnowledgeItemType>0</KnowledgeItemType>
      <PageRangeNumber>-1</PageRangeNumber>
      <QuotationIndex>2</QuotationIndex>
      <QuotationType>4</QuotationType>
      <ReferenceID>{CHLORIDE}</ReferenceID>
      <Text>My doubt: their deposition gauges sit on a ridge.</Text>
    </KnowledgeItem>
    <KnowledgeItem id="f2c5b8a7-6666-4b73-9e55-a3e071921f02">
      <CoreStatement>Recharge of 4 mm/yr</CoreStatement>
      <KnowledgeItemType>0</KnowledgeItemType>
      <PageRange>{_ONE_PAGE}</PageRange>
      <PageRangeNumber>7</PageRangeNumber>
      <QuotationIndex>1</QuotationIndex>
      <QuotationType>3</QuotationType>
      <ReferenceID>{CHLORIDE}</ReferenceID>
      <Text>Median recharge across the basin is about 4 mm per year.</Text>
    </KnowledgeItem>
    <KnowledgeItem id="f2c5b8a7-6666-4b73-9e55-a3e071921f04">
      <CoreStatement>Conduits open within centuries</CoreStatement>
      <QuotationType>2</QuotationType>
      <ReferenceID>{KARST_CHAPTER}</ReferenceID>
      <Text>&lt;p&gt;Conduits reach &lt;b&gt;metre&lt;/b&gt; scale
within a few centuries.&lt;/p&gt;</Text>
    </KnowledgeItem>
    <KnowledgeItem id="f2c5b8a7-6666-4b73-9e55-a3e071921f05">
      <CoreStatement>Chapter outline idea</CoreStatement>
      <QuotationType>4</QuotationType>
      <Text>Start the thesis with the water budget.</Text>
    </KnowledgeItem>
  </KnowledgeItems>
  <TaskItems>
    <TaskItem id="a3d6c9b8-7777-4c84-8f66-b4f182a32001">
      <Name>Read</Name>
      <ReferenceID>{UNREAD}</ReferenceID>
    </TaskItem>
  </TaskItems>
  <Locations>
    <Location id="b4e7dac9-8888-4d95-9077-c50293b43101">
      <Address>{{"$id":"1","UriString":"https://doi.org/10.5555/asl.2021.0088","LinkedResourceType":5}}</Address>
      <MirrorsReferencePropertyId>Doi</MirrorsReferencePropertyId>
      <ReferenceID>{BASEFLOW}</ReferenceID>
    </Location>
  </Locations>
  <CategoryCategories>
    <OnetoN>{ZERO};{GROUNDWATER};{FLOODS}</OnetoN>
    <OnetoN>{GROUNDWATER};{RECHARGE_ESTIMATES};{TRACERS}</OnetoN>
  </CategoryCategories>
  <ReferenceAuthors>
    <OnetoN>{CHLORIDE};{HALVORSEN};{OKONKWO}</OnetoN>
    <OnetoN>{KARST_CHAPTER};{VARGA}</OnetoN>
    <OnetoN>{SURROGATE};{LINDQVIST};{TEMPERLEY}</OnetoN>
    <OnetoN>{BASEFLOW};{OKONKWO}</OnetoN>
    <OnetoN>{UNREAD};{TEMPERLEY}</OnetoN>
  </ReferenceAuthors>
  <ReferenceEditors>
    <OnetoN>{KARST_BOOK};{HALVORSEN}</OnetoN>
  </ReferenceEditors>
  <ReferenceKeywords>
    <OnetoN>{CHLORIDE};{RECHARGE}</OnetoN>
    <OnetoN>{BASEFLOW};{RECHARGE}</OnetoN>
    <OnetoN>{KARST_CHAPTER};{KARST}</OnetoN>
  </ReferenceKeywords>
  <ReferenceGroups>
    <OnetoN>{UNREAD};{TO_READ}</OnetoN>
  </ReferenceGroups>
  <ReferenceCategories>
    <OnetoN>{CHLORIDE};{RECHARGE_ESTIMATES}</OnetoN>
    <OnetoN>{KARST_CHAPTER};{TRACERS}</OnetoN>
    <OnetoN>{SURROGATE};{FLOODS};{RECHARGE_ESTIMATES}</OnetoN>
    <OnetoN>{SEMINAR};{TRACERS}</OnetoN>
  </ReferenceCategories>
  <ReferenceReferences>
    <OnetoN>{KARST_BOOK};{KARST_CHAPTER}</OnetoN>
  </ReferenceReferences>
</CitaviExchangeData>
"""

# Computer architecture, written by Citavi 5 (the hierarchy table's old spelling, no
# zero-GUID row, the DOI in <DOI>, a contribution to proceedings) with a BOM and CRLF.
CACHE_PAPER = "11111111-aaaa-4bbb-8ccc-000000000001"
PROCEEDINGS = "11111111-aaaa-4bbb-8ccc-000000000002"
PERSON = "11111111-aaaa-4bbb-8ccc-000000000003"
MEMORY = "11111111-aaaa-4bbb-8ccc-000000000004"
CACHES = "11111111-aaaa-4bbb-8ccc-000000000005"

CITAVI5 = (
    "\ufeff"
    + f"""<?xml version="1.0" encoding="utf-8"?>
<CitaviExchangeData Version="5.7.1.0">
<Persons>
<Person id="{PERSON}"><FirstName>Rui</FirstName><LastName>Tavares</LastName></Person>
</Persons>
<Categories>
<Category id="{CACHES}"><Name>Cache replacement</Name></Category>
<Category id="{MEMORY}"><Name>Memory hierarchy</Name></Category>
</Categories>
<References>
<Reference id="{PROCEEDINGS}"><ReferenceType>ConferenceProceedings</ReferenceType>
<Title>Proceedings of the Workshop on Memory Systems</Title></Reference>
<Reference id="{CACHE_PAPER}"><ReferenceType>Contribution</ReferenceType>
<Title>Reuse-distance sampling for last-level caches</Title><Year>2015</Year>
<DOI>https://doi.org/10.5555/WMS.2015.17</DOI></Reference>
</References>
<CategoryCatgories><OnetoN>{MEMORY};{CACHES}</OnetoN></CategoryCatgories>
<ReferenceAuthors><OnetoN>{CACHE_PAPER};{PERSON}</OnetoN></ReferenceAuthors>
<ReferenceCategories><OnetoN>{CACHE_PAPER};{CACHES}</OnetoN></ReferenceCategories>
<ReferenceReferences><OnetoN>{PROCEEDINGS};{CACHE_PAPER}</OnetoN></ReferenceReferences>
</CitaviExchangeData>
""".replace("\n", "\r\n")
)

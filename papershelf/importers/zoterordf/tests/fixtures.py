"""A Zotero RDF export in the shape Zotero 7 writes it (see the zotero/translators
"Zotero RDF" exporter): a journal article whose DOI is on its journal, a conference
paper and a preprint as rdf:Description, a book, a web page and software, child notes
(HTML, a Zotero 7 citation, a status note), tags, an automatic tag, and collections."""

from __future__ import annotations

from urllib.parse import quote

_CITATION = quote(
    '{"citationItems":[{"uris":["http://zotero.org/users/1/items/AAAA"],"itemData":'
    '{"type":"article-journal","title":"Liraglutide and Cardiovascular Outcomes in Type 2 '
    'Diabetes","author":[{"family":"Marso","given":"Steven P."}],"container-title":'
    '"New England Journal of Medicine","DOI":"10.1056/NEJMoa1603827",'
    '"issued":{"date-parts":[["2016"]]}}}],"properties":{}}'
)
_NOTE = (
    '&lt;div data-schema-version="8"&gt;&lt;h1&gt;EMPA-REG – my summary&lt;/h1&gt;'
    "&lt;p&gt;7020 patients with T2D and CVD. 3-point MACE HR 0.86.&lt;/p&gt;"
    '&lt;p&gt;Compare LEADER &lt;span class="citation" data-citation="' + _CITATION + '"&gt;'
    "(&lt;span class=&quot;citation-item&quot;&gt;Marso et al., 2016&lt;/span&gt;)"
    "&lt;/span&gt;.&lt;/p&gt;&lt;/div&gt;"
)

ZOTERO_RDF = f"""<rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#"
 xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:bib="http://purl.org/net/biblio#"
 xmlns:foaf="http://xmlns.com/foaf/0.1/"
 xmlns:link="http://purl.org/rss/1.0/modules/link/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:prism="http://prismstandard.org/namespaces/1.2/basic/">
    <bib:Article rdf:about="https://www.nejm.org/doi/full/10.1056/NEJMoa1504720">
        <z:itemType>journalArticle</z:itemType>
        <dcterms:isPartOf rdf:resource="urn:issn:0028-4793"/>
        <bib:authors>
            <rdf:Seq>
                <rdf:li>
                    <foaf:Person>
                        <foaf:surname>Zinman</foaf:surname>
                        <foaf:givenName>Bernard</foaf:givenName>
                    </foaf:Person>
                </rdf:li>
                <rdf:li>
                    <foaf:Person>
                        <foaf:surname>EMPA-REG OUTCOME Investigators</foaf:surname>
                    </foaf:Person>
                </rdf:li>
            </rdf:Seq>
        </bib:authors>
        <dcterms:isReferencedBy rdf:resource="#item_417"/>
        <link:link rdf:resource="#item_416"/>
        <dc:subject>SGLT2</dc:subject>
        <dc:subject>
           <z:AutomaticTag><rdf:value>Humans</rdf:value></z:AutomaticTag>
        </dc:subject>
        <dc:title>Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes
        </dc:title>
        <dc:identifier>
            <dcterms:URI><rdf:value>https://www.nejm.org/doi/full/10.1056/NEJMoa1504720</rdf:value></dcterms:URI>
        </dc:identifier>
        <dc:date>2015-11-26</dc:date>
        <dcterms:abstract>Empagliflozin reduced cardiovascular death.</dcterms:abstract>
    </bib:Article>
    <bib:Journal rdf:about="urn:issn:0028-4793">
        <prism:volume>373</prism:volume>
        <dc:title>New England Journal of Medicine</dc:title>
        <dc:identifier>ISSN 0028-4793</dc:identifier>
        <dc:identifier>DOI 10.1056/NEJMoa1504720</dc:identifier>
    </bib:Journal>
    <z:Attachment rdf:about="#item_416">
        <z:itemType>attachment</z:itemType>
        <rdf:resource rdf:resource="files/416/Zinman et al. - 2015 - Empagliflozin.pdf"/>
        <dc:title>Full Text PDF</dc:title>
        <link:type>application/pdf</link:type>
    </z:Attachment>
    <bib:Memo rdf:about="#item_417">
        <rdf:value>{_NOTE}</rdf:value>
    </bib:Memo>
    <rdf:Description rdf:about="#item_420">
        <z:itemType>conferencePaper</z:itemType>
        <dcterms:isPartOf>
            <bib:Journal>
                <dc:title>Proceedings of the Diabetes Technology Meeting</dc:title>
            </bib:Journal>
        </dcterms:isPartOf>
        <bib:authors>
            <rdf:Seq>
                <rdf:li><foaf:Person><foaf:surname>Doe</foaf:surname><foaf:givenname>Jane</foaf:givenname></foaf:Person></rdf:li>
            </rdf:Seq>
        </bib:authors>
        <dcterms:isReferencedBy rdf:resource="#item_421"/>
        <dc:subject>SGLT2</dc:subject>
        <dc:subject>_to-read</dc:subject>
        <dc:title>Closed-loop insulin delivery in practice</dc:title>
        <dc:date>2019</dc:date>
        <dc:identifier>DOI 10.1000/dtm.2019.7</dc:identifier>
    </rdf:Description>
    <bib:Memo rdf:about="#item_421">
        <rdf:value>&lt;p&gt;Discussed at JC: pump users only, 6 months.&lt;/p&gt;</rdf:value>
    </bib:Memo>
    <rdf:Description rdf:about="http://arxiv.org/abs/2101.00001v3">
        <z:itemType>preprint</z:itemType>
        <dc:publisher><foaf:Organization><foaf:name>arXiv</foaf:name></foaf:Organization></dc:publisher>
        <bib:authors>
            <rdf:Seq>
                <rdf:li><foaf:Person><foaf:surname>Roe</foaf:surname><foaf:givenName>Richard</foaf:givenName></foaf:Person></rdf:li>
            </rdf:Seq>
        </bib:authors>
        <dcterms:isReferencedBy rdf:resource="#item_431"/>
        <dc:subject>_to-read</dc:subject>
        <dc:title>Learning glucose dynamics from continuous monitors</dc:title>
        <dc:identifier>
            <dcterms:URI><rdf:value>http://arxiv.org/abs/2101.00001v3</rdf:value></dcterms:URI>
        </dc:identifier>
        <dc:date>2021-01-04</dc:date>
        <z:archiveID>arXiv:2101.00001</z:archiveID>
    </rdf:Description>
    <bib:Memo rdf:about="#item_431">
        <rdf:value>&lt;p&gt;To read&lt;/p&gt;</rdf:value>
    </bib:Memo>
    <bib:Book rdf:about="urn:isbn:978-0-323-55596-8">
        <z:itemType>book</z:itemType>
        <dc:publisher><foaf:Organization><foaf:name>Elsevier</foaf:name></foaf:Organization></dc:publisher>
        <bib:authors>
            <rdf:Seq>
                <rdf:li><foaf:Person><foaf:surname>Melmed</foaf:surname><foaf:givenName>Shlomo</foaf:givenName></foaf:Person></rdf:li>
            </rdf:Seq>
        </bib:authors>
        <dc:title>Williams Textbook of Endocrinology</dc:title>
        <dc:date>2019</dc:date>
        <dc:identifier>ISBN 978-0-323-55596-8</dc:identifier>
    </bib:Book>
    <bib:Document rdf:about="https://diabetesjournals.org/care/issue/47/Supplement_1">
        <z:itemType>webpage</z:itemType>
        <dcterms:isPartOf>
            <z:Website><dc:title>Diabetes Care</dc:title></z:Website>
        </dcterms:isPartOf>
        <dc:title>Standards of Care in Diabetes—2024</dc:title>
    </bib:Document>
    <rdf:Description rdf:about="#item_450">
        <z:itemType>computerProgram</z:itemType>
        <dc:title>GlucoseStats R package</dc:title>
    </rdf:Description>
    <bib:Memo rdf:about="#item_460">
        <rdf:value>&lt;p&gt;Agenda for the May session.&lt;/p&gt;</rdf:value>
    </bib:Memo>
    <z:Collection rdf:about="#collection_1">
        <dc:title>Endo JC</dc:title>
        <dcterms:hasPart rdf:resource="#collection_2"/>
        <dcterms:hasPart rdf:resource="#collection_3"/>
    </z:Collection>
    <z:Collection rdf:about="#collection_2">
        <dc:title>Cardiovascular outcome trials</dc:title>
        <dcterms:hasPart rdf:resource="https://www.nejm.org/doi/full/10.1056/NEJMoa1504720"/>
        <dcterms:hasPart rdf:resource="#item_420"/>
    </z:Collection>
    <z:Collection rdf:about="#collection_3">
        <dc:title>Background</dc:title>
        <dcterms:hasPart rdf:resource="urn:isbn:978-0-323-55596-8"/>
        <dcterms:hasPart rdf:resource="https://diabetesjournals.org/care/issue/47/Supplement_1"/>
    </z:Collection>
</rdf:RDF>
"""

<map version="freeplane 1.11.1">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="Hubble tension — lit review for 2nd-year report" ID="ID_336822832" FOLDED="false" CREATED="1649734468681" MODIFIED="1649766577142">
<font SIZE="18"/>
<hook NAME="MapStyle" zoom="0.909">
    <properties edgeColorConfiguration="#808080ff,#ff0000ff,#0000ffff,#00ff00ff,#ff00ffff,#00ffffff,#7c0000ff,#00007cff,#007c00ff,#7c007cff,#007c7cff,#7c7c00ff" show_note_icons="true" fit_to_viewport="false" associatedTemplateLocation="template:/standard-1.6.mm"/>

<map_styles>
<stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval" UNIFORM_SHAPE="true" VGAP_QUANTITY="24 pt">
<font SIZE="24"/>
<stylenode LOCALIZED_TEXT="styles.predefined" POSITION="right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="default" ID="ID_271890427" ICON_SIZE="12 pt" COLOR="#000000" STYLE="fork">
<arrowlink SHAPE="CUBIC_CURVE" COLOR="#000000" WIDTH="2" TRANSPARENCY="200" DASH="" FONT_SIZE="9" FONT_FAMILY="SansSerif" DESTINATION="ID_271890427" STARTARROW="NONE" ENDARROW="DEFAULT"/>
<font NAME="SansSerif" SIZE="10" BOLD="false" ITALIC="false"/>
<richcontent CONTENT-TYPE="plain/auto" TYPE="DETAILS"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="plain/auto"/>
</stylenode>
<stylenode LOCALIZED_TEXT="defaultstyle.details"/>
<stylenode LOCALIZED_TEXT="defaultstyle.attributes">
<font SIZE="9"/>
</stylenode>
<stylenode LOCALIZED_TEXT="defaultstyle.note" COLOR="#000000" BACKGROUND_COLOR="#ffffff" TEXT_ALIGN="LEFT"/>
<stylenode LOCALIZED_TEXT="defaultstyle.floating">
<edge STYLE="hide_edge"/>
<cloud COLOR="#f0f0f0" SHAPE="ROUND_RECT"/>
</stylenode>
<stylenode LOCALIZED_TEXT="defaultstyle.selection" BACKGROUND_COLOR="#afd3f7" BORDER_COLOR_LIKE_EDGE="false" BORDER_COLOR="#afd3f7"/>
</stylenode>
<stylenode LOCALIZED_TEXT="styles.user-defined" POSITION="right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="styles.topic" COLOR="#18898b" STYLE="fork">
<font NAME="Liberation Sans" SIZE="10" BOLD="true"/>
</stylenode>
<stylenode LOCALIZED_TEXT="styles.subtopic" COLOR="#cc3300" STYLE="fork">
<font NAME="Liberation Sans" SIZE="10" BOLD="true"/>
</stylenode>
<stylenode LOCALIZED_TEXT="styles.subsubtopic" COLOR="#669900">
<font NAME="Liberation Sans" SIZE="10" BOLD="true"/>
</stylenode>
<stylenode LOCALIZED_TEXT="styles.important" ID="ID_67550811">
<icon BUILTIN="yes"/>
<arrowlink COLOR="#003399" TRANSPARENCY="255" DESTINATION="ID_67550811"/>
</stylenode>
</stylenode>
<stylenode LOCALIZED_TEXT="styles.AutomaticLayout" POSITION="right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="AutomaticLayout.level.root" COLOR="#000000" STYLE="oval" SHAPE_HORIZONTAL_MARGIN="10 pt" SHAPE_VERTICAL_MARGIN="10 pt">
<font SIZE="18"/>
</stylenode>
<stylenode LOCALIZED_TEXT="AutomaticLayout.level,1" COLOR="#0033ff">
<font SIZE="16"/>
</stylenode>
<stylenode LOCALIZED_TEXT="AutomaticLayout.level,2" COLOR="#00b439">
<font SIZE="14"/>
</stylenode>
<stylenode LOCALIZED_TEXT="AutomaticLayout.level,3" COLOR="#990000">
<font SIZE="12"/>
</stylenode>
<stylenode LOCALIZED_TEXT="AutomaticLayout.level,4" COLOR="#111111">
<font SIZE="10"/>
</stylenode>
</stylenode>
</stylenode>
</map_styles>
</hook>
<hook NAME="AutomaticEdgeColor" COUNTER="8" RULE="ON_BRANCH_CREATION"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Scope: H<sub>0</sub> measurements + proposed solutions. Green tick = read &amp; summarised, ? = not read yet.
    </p>
  </body>
</html>
</richcontent>
<node TEXT="Accelerating universe (SNe Ia)" POSITION="right" ID="ID_644522496" CREATED="1634227582944" MODIFIED="1634259839934">
<edge COLOR="#ff0000"/>
<node TEXT="Riess+98 — Observational Evidence from Supernovae for an Accelerating Universe and a Cosmological Constant" ID="ID_973845475" CREATED="1633135472119" MODIFIED="1633179919971" LINK="https://arxiv.org/abs/astro-ph/9805201">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="1998" OBJECT="org.freeplane.features.format.FormattedNumber|1998"/>
<attribute NAME="journal" VALUE="AJ 116, 1009"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      High-z Supernova Search Team. 16 high-z + 34 nearby SNe Ia.
    </p>
    <p>
      Distances ~10-15% larger than expected in a low-density universe -&gt; &#x3a9;<sub>&#x39b;</sub> &gt; 0 at &gt;3&#x3c3;.
    </p>
    <p>
      MLCS + template fitting (two methods); they worry about dust and evolution a lot (good section to quote).
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="Perlmutter et al. 1999, ApJ 517, 565" ID="ID_435072049" CREATED="1633498302864" MODIFIED="1633514435186">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="1999" OBJECT="org.freeplane.features.format.FormattedNumber|1999"/>
<attribute NAME="doi" VALUE="10.1086/307221"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      <b>Measurements of &#x3a9; and &#x39b; from 42 High-Redshift Supernovae</b>
    </p>
    <p>
      Supernova Cosmology Project. Flat fit: &#x3a9;<sub>M</sub> ~ 0.28. Independent team, same answer as Riess+98 -&gt; Nobel 2011.
    </p>
    <p>
      Stretch correction rather than MLCS -- nice contrast of methods for the report.
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="Pantheon (Scolnic+18)" ID="ID_1070931397" CREATED="1634027515956" MODIFIED="1634069732922" LINK="https://doi.org/10.3847/1538-4357/aab9bb">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2018" OBJECT="org.freeplane.features.format.FormattedNumber|2018"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      The Complete Light-curve Sample of Spectroscopically Confirmed SNe Ia from Pan-STARRS1 and Cosmological Constraints from the Combined Pantheon Sample
    </p>
    <p>
      ApJ 859, 101. 1048 SNe (279 from PS1). w = -1.026 &#xb1; 0.041 with CMB+BAO+H0 -- the SN sample behind most of the H0 discussion in 2018-21.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="Early-universe probes (CMB + BAO)" POSITION="right" ID="ID_1647337746" CREATED="1636248199822" MODIFIED="1636293546263">
<edge COLOR="#0000ff"/>
<node TEXT="Planck 2018 results. VI. Cosmological parameters" ID="ID_399263331" CREATED="1634723312224" MODIFIED="1634741124552" LINK="https://doi.org/10.1051/0004-6361/201833910">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="arXiv" VALUE="1807.06209"/>
<attribute NAME="year" VALUE="2020" OBJECT="org.freeplane.features.format.FormattedNumber|2020"/>
<attribute NAME="journal" VALUE="A&amp;A 641, A6"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      arXiv July 2018, A&amp;A published Sept 2020 (cite as 2020!).
    </p>
    <p>
      H<sub>0</sub> = 67.4 &#xb1; 0.5 km/s/Mpc in base &#x39b;CDM (TT,TE,EE+lowE+lensing).
    </p>
    <p>
      Sec. 5.4 discusses the tension with SH0ES directly. Author list = Planck Collaboration (Aghanim et al.).
    </p>
  </body>
</html>
</richcontent>
</node>
<node ID="ID_1941089422" CREATED="1634937492271" MODIFIED="1634954584563" LINK="https://arxiv.org/abs/astro-ph/0501171">
<icon BUILTIN="button_ok"/>
<richcontent TYPE="NODE">
<html>
  <head>
    
  </head>
  <body>
    <p>
      <b>Detection of the Baryon Acoustic Peak in the Large-Scale Correlation Function of SDSS Luminous Red Galaxies</b><br/>Eisenstein et al. 2005, ApJ 633, 560
    </p>
  </body>
</html>
</richcontent>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2005" OBJECT="org.freeplane.features.format.FormattedNumber|2005"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      46,748 LRGs, peak at ~100 h<sup>-1</sup> Mpc, 3.4&#x3c3;. The first clean BAO detection (together with 2dF, Cole+05, which I haven't read).
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="BOSS DR12 consensus (Alam+17)" ID="ID_706725605" CREATED="1635683992872" MODIFIED="1635691971716">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2017" OBJECT="org.freeplane.features.format.FormattedNumber|2017"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      The clustering of galaxies in the completed SDSS-III Baryon Oscillation Spectroscopic Survey: cosmological analysis of the DR12 galaxy sample
    </p>
    <p>
      MNRAS 470, 2617. doi:10.1093/mnras/stx721
    </p>
    <p>
      BAO + RSD consensus; with Planck: H<sub>0</sub> ~ 67.6 -- 'inverse distance ladder' argument, important for the report.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="Local distance ladder" POSITION="right" ID="ID_474063022" CREATED="1639661919617" MODIFIED="1639695108957">
<edge COLOR="#00ff00"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Two rungs: geometric anchors -&gt; Cepheids or TRGB -&gt; SNe Ia in the Hubble flow.
    </p>
  </body>
</html>
</richcontent>
<node TEXT="Cepheids (SH0ES)" ID="ID_1588026171" CREATED="1638230015621" MODIFIED="1638243512540">
<edge COLOR="#00ff00"/>
<node TEXT="A 2.4% Determination of the Local Value of the Hubble Constant" ID="ID_1869603888" CREATED="1637097021688" MODIFIED="1637108780915" LINK="https://doi.org/10.3847/0004-637X/826/1/56">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2016" OBJECT="org.freeplane.features.format.FormattedNumber|2016"/>
<attribute NAME="first author" VALUE="Riess"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      H<sub>0</sub> = 73.24 &#xb1; 1.74. 19 SN hosts with Cepheids, NIR WFC3. 3.4&#x3c3; vs Planck 2016.
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="Riess et al. 2019 – LMC Cepheids, 1% foundation" ID="ID_372985160" CREATED="1637971512821" MODIFIED="1637987313733" LINK="https://arxiv.org/pdf/1903.07603.pdf">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2019" OBJECT="org.freeplane.features.format.FormattedNumber|2019"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Large Magellanic Cloud Cepheid Standards Provide a 1% Foundation for the Determination of the Hubble Constant and Stronger Evidence for Physics beyond &#x39b;CDM
    </p>
    <p>
      ApJ 876, 85. 70 LMC Cepheids with HST spatial scanning -&gt; H<sub>0</sub> = 74.03 &#xb1; 1.42, 4.4&#x3c3; tension.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="TRGB (CCHP)" ID="ID_1925041764" CREATED="1638846462322" MODIFIED="1638891995624">
<edge COLOR="#00ff00"/>
<node TEXT="The Carnegie-Chicago Hubble Program. VIII. An Independent Determination of the Hubble Constant Based on the Tip of the Red Giant Branch" ID="ID_1100366537" CREATED="1638626106595" MODIFIED="1638664790643">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2019" OBJECT="org.freeplane.features.format.FormattedNumber|2019"/>
<attribute NAME="bibcode" VALUE="2019ApJ...882...34F"/>
<attribute NAME="first author" VALUE="Freedman"/>
<richcontent TYPE="DETAILS" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      H0 = 69.8 &#xb1; 0.8 (stat) &#xb1; 1.7 (sys) -- right in the middle!
    </p>
  </body>
</html>
</richcontent>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Freedman et al. TRGB calibration of SNe Ia instead of Cepheids.
    </p>
    <p>
      Big argument with SH0ES about the LMC extinction / TRGB zero point afterwards (Yuan+19 reply etc. -- not read).
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
</node>
<node TEXT="Independent H0 probes" POSITION="left" ID="ID_881723000" CREATED="1640685681125" MODIFIED="1640734536266">
<edge COLOR="#ff00ff"/>
<node TEXT="A gravitational-wave standard siren measurement of the Hubble constant" ID="ID_579074213" CREATED="1640434630638" MODIFIED="1640454752795" LINK="https://doi.org/10.1038/nature24471">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2017" OBJECT="org.freeplane.features.format.FormattedNumber|2017"/>
<attribute NAME="authors" VALUE="Abbott B. P. et al. (LVC, 1M2H, DES, ...)"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      GW170817 + host NGC 4993. H<sub>0</sub> = 70 (+12 / -8). Huge errors but totally independent of the ladder.
    </p>
    <p>
      Need ~50-100 more BNS with counterparts to be competitive (Chen, Fishbach &amp; Holz 2018 -- on to-read pile? no, just heard it in a talk).
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="H0LiCOW XIII (lensed quasars)" ID="ID_880578009" CREATED="1640445384905" MODIFIED="1640468446043">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2020" OBJECT="org.freeplane.features.format.FormattedNumber|2020"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Wong K. C. et al., <i>H0LiCOW &#x2013; XIII. A 2.4 per cent measurement of H0 from lensed quasars: 5.3&#x3c3; tension between early- and late-Universe probes</i>, MNRAS 498, 1420 (2020). arXiv:1907.04869
    </p>
    <p>
      Six lensed quasars, time delays: H<sub>0</sub> = 73.3 (+1.7/-1.8). 5.3&#x3c3; combined with SH0ES.
    </p>
    <p>
      Mass-sheet degeneracy caveat: TDCOSMO IV (Birrer+20) relaxes it -- not read yet.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="Tension &amp; proposed solutions" POSITION="left" ID="ID_1195088795" CREATED="1643540518078" MODIFIED="1643560924737">
<edge COLOR="#00ffff"/>
<node TEXT="Tensions between the early and the late Universe" ID="ID_1284451136" CREATED="1641266843943" MODIFIED="1641290117963" LINK="https://doi.org/10.1038/s41550-019-0902-0">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="arXiv" VALUE="1907.10625"/>
<attribute NAME="year" VALUE="2019" OBJECT="org.freeplane.features.format.FormattedNumber|2019"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Verde, Treu &amp; Riess. Report of the 2019 KITP workshop. Good overview figure of all H<sub>0</sub> determinations; 4-6&#x3c3; depending on combination.
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="Early Dark Energy can Resolve the Hubble Tension" ID="ID_594434442" CREATED="1641885920778" MODIFIED="1641921329417">
<icon BUILTIN="button_ok"/>
<arrowlink DESTINATION="ID_399263331" STARTARROW="NONE" ENDARROW="DEFAULT"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="arXiv" VALUE="1811.04083"/>
<attribute NAME="year" VALUE="2019" OBJECT="org.freeplane.features.format.FormattedNumber|2019"/>
<attribute NAME="journal" VALUE="PRL 122, 221301"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Poulin, Smith, Karwal &amp; Kamionkowski. Scalar field contributing ~10% of the energy density around matter-radiation equality, then decays faster than radiation -&gt; shrinks sound horizon -&gt; higher H<sub>0</sub> from CMB.
    </p>
    <p>
      Fine-tuning + worsens S8 tension (Hill et al. 2020 -- haven't read).
    </p>
  </body>
</html>
</richcontent>
</node>
<node TEXT="In the realm of the Hubble tension—a review of solutions" ID="ID_1298340188" CREATED="1642775925726" MODIFIED="1642794076602" LINK="https://arxiv.org/abs/2103.01183">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="year" VALUE="2021" OBJECT="org.freeplane.features.format.FormattedNumber|2021"/>
<attribute NAME="first author" VALUE="Di Valentino"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="xml/">
<html>
  <head>
    
  </head>
  <body>
    <p>
      Di Valentino et al., CQG 38, 153001 (2021). ~1000 references; use Table/Fig. of model classes as a map for my report chapter 4.
    </p>
    <p>
      Early vs late-time solutions; 'no model fully satisfactory'.
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="To read" FOLDED="true" POSITION="left" ID="ID_417697477" CREATED="1645498251456" MODIFIED="1645509066412">
<edge COLOR="#7c0000"/>
<icon BUILTIN="help"/>
<node TEXT="Riess+22: comprehensive 1 km/s/Mpc measurement (ApJL 934, L7)" ID="ID_1035219256" CREATED="1643667416070" MODIFIED="1643686355591" LINK="https://arxiv.org/abs/2112.04510">
<icon BUILTIN="help"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="status" VALUE="to read"/>
</node>
<node TEXT="Freedman 2021: Measurements of the Hubble Constant: Tensions in Perspective" ID="ID_321819554" CREATED="1644280788701" MODIFIED="1644314453916" LINK="https://arxiv.org/abs/2106.15656">
<icon BUILTIN="help"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="status" VALUE="to read"/>
</node>
<node TEXT="Knox &amp; Millea 2020 — The Hubble Hunter's Guide" ID="ID_1715289242" CREATED="1644817000158" MODIFIED="1644862958188" LINK="https://arxiv.org/abs/1908.03663">
<icon BUILTIN="help"/>
<attribute_layout NAME_WIDTH="62.25 pt" VALUE_WIDTH="151.49999 pt"/>
<attribute NAME="status" VALUE="to read"/>
</node>
</node>
<node TEXT="Books &amp; lectures" POSITION="left" ID="ID_1969171659" CREATED="1647653931529" MODIFIED="1647660784417">
<edge COLOR="#00007c"/>
<node TEXT="Weinberg — Cosmology (OUP, 2008), ch. 1 distance ladder" ID="ID_1483702391" CREATED="1645723941811" MODIFIED="1645767437905">
<icon BUILTIN="bookmark"/>
</node>
<node TEXT="Dodelson &amp; Schmidt — Modern Cosmology, 2nd ed. (2020), ch. 9 (CMB anisotropies)" ID="ID_292111291" CREATED="1646593659656" MODIFIED="1646623045385">
<icon BUILTIN="bookmark"/>
</node>
<node TEXT="KITP 'Tensions between the early and late Universe' talk recordings (2019) -- link in my email" ID="ID_1041524069" CREATED="1647034282562" MODIFIED="1647068801626"/>
</node>
<node TEXT="Open questions" POSITION="left" ID="ID_1065862453" CREATED="1649572049539" MODIFIED="1649578061078">
<edge COLOR="#007c00"/>
<node TEXT="Is it systematics (Cepheid crowding? TRGB zero point?) or new physics?" ID="ID_1273535433" CREATED="1648414089923" MODIFIED="1648427654766"/>
<node TEXT="Report ch. 4: which probes are truly independent of both ladder AND sound horizon?" ID="ID_1822602886" CREATED="1648696227375" MODIFIED="1648732137747"/>
<node TEXT="Ask supervisor: include S8 tension or keep scope to H0?" ID="ID_1180084157" CREATED="1649064507723" MODIFIED="1649108674111"/>
</node>
</node>
</map>

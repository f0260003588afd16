"""Every word the workbooks show a reader, in one place. Danish is the language of the reports."""

WEEKLY_LABELS = {
    "title": "Mandagstal, uge {week}",
    "subtitle": "Afgange til job og uddannelse pr. afdeling: ugens tal og gennemsnit over 4 uger",
    "week": "Uge",
    "department": "Afdeling",
    "category": "Kategori",
    "exits_week": "Afgange i ugen",
    "avg_4w": "Gennemsnit 4 uger",
    "weekly_target": "Ugentligt mål",
    "status": "Status",
    "job": "Job",
    "education": "Uddannelse",
    "total": "I alt",
    "unknown": "Ukendt afdeling",
    "green": "Grøn",
    "red": "Rød",
    "chart_title": "Afgange pr. uge, de seneste 13 uger (alle afdelinger)",
    "chart_y": "Afgange",
    "legend": "Grøn: gennemsnittet over 4 uger er på eller over målet. Rød: under målet.",
}

# The scorecard workbook (`scorecards.xlsx`). Each language holds the same keys (a test checks);
# `{name}` fields are filled in by the sheet that shows the label.
SCORECARD_LABELS = {
    "da": {
        # sheets
        "sheet_overview": "Oversigt",
        "sheet_tender": "Udbud",
        "sheet_contracts": "Kontrakter",
        "sheet_data_quality": "Datakvalitet",
        "sheet_method": "Metode",
        "sheet_chart_data": "Diagramdata",
        # titles and banners
        "title_overview": "Effektpriser for kvartal {quarter}: oversigt",
        "title_tender": "Udbudsgrundlag {quarter}: tilbud rangeret efter justeret effektpris",
        "title_contracts": "Kontraktopfølgning {quarter}",
        "title_provider": "Scorekort {quarter}: {provider}",
        "title_data_quality": "Datakvalitet: fund i udtrækket",
        "title_method": "Metode: sådan er tallene beregnet",
        "run_line": "Kvartal {quarter} · data opgjort pr. {as_of}",
        "preliminary_banner": (
            "FORELØBIGE TAL: opfølgningsperioden for kvartalets forløb slutter {date}. "
            "Flere afgange kan nå at komme med, så effektrater og effektpriser kan ændre sig."
        ),
        "final_banner": "Endelige tal: opfølgningsperioden på {days} dage er afsluttet.",
        # headline figures
        "headline": "Kvartalet i tal (alle leverandører)",
        "participants": "Deltagere",
        "job_exits": "Afgange til job",
        "education_exits": "Afgange til uddannelse",
        "effects": "Effekter",
        "effect_rate": "Effektrate",
        "total_cost": "Samlede udgifter",
        "effect_price": "Effektpris",
        # table columns
        "offer_type": "Tilbudstype",
        "rank_in_type": "Rang i type",
        "provider": "Leverandør",
        "provider_id": "Leverandør-id",
        "offer": "Tilbud",
        "offer_id": "Tilbuds-id",
        "ci_low": "95 %-interval, nedre",
        "ci_high": "95 %-interval, øvre",
        "cost_per_participant": "Udgift pr. deltager",
        "expected_effects": "Forventede effekter",
        "oe_ratio": "Faktiske/forventede effekter",
        "adjusted_effect_rate": "Justeret effektrate",
        "adjusted_effect_price": "Justeret effektpris",
        "contracts": "Kontrakt(er)",
        "contract_id": "Kontrakt",
        "contract_status": "Kontraktstatus",
        "recommendation": "Anbefaling",
        "is_uncertain": "Usikkert grundlag",
        "funnel_position": "Placering i tragtdiagram",
        "trend_rate": "Effektrate {quarter}",
        "target_effect_rate": "Mål for effektrate",
        "max_effect_price": "Maks. effektpris",
        "min_participants": "Min. deltagere",
        "status": "Status",
        "clearly_missed": "Klart under mål",
        "consecutive_missed": "Kvartaler i træk under mål",
        "preliminary": "Foreløbig",
        "quarter": "Kvartal",
        # codes shown as words
        "met": "Opfyldt",
        "missed": "Ikke opfyldt",
        "inconclusive": "For få deltagere",
        "no_target": "Intet mål",
        "no_contract": "Ingen kontrakt",
        "continue": "Fortsæt",
        "dialogue": "Dialogmøde",
        "phase_out": "Udfasning",
        "above_998": "Over 99,8 %-grænsen",
        "above_95": "Over 95 %-grænsen",
        "within": "Inden for grænserne",
        "below_95": "Under 95 %-grænsen",
        "below_998": "Under 99,8 %-grænsen",
        "yes": "Ja",
        "no": "Nej",
        "blocking": "Blokerende",
        "warning": "Advarsel",
        "no_data": "ingen data",
        "no_participants": "–",
        # shrinkage and rank certainty (SPEC §2.5), whom a provider serves (§2.6)
        "shrunk_effect_price": "Krympet effektpris",
        "prob_best": "Sandsynlighed for at være billigst",
        # the business case (SPEC §2.8)
        "avoided_benefit_cost": "Sparet forsørgelse",
        "extra_avoided_benefit_cost": "Ud over forventet",
        "payback_ratio": "Kr. sparet pr. kr.",
        "business_case_line": (
            "Sparet forsørgelse: hver effekt antages at spare {weeks} ugers forsørgelse; "
            "refusion {rates} % (kommunens nettoudgift; se arket Metode)."
        ),
        "business_case_section": "Businesscase: hvad effekterne sparer kommunen",
        "business_case_assumption": "Antagelse",
        "business_case_assumption_text": (
            "Hver effekt antages at spare kommunen {weeks} ugers forsørgelse, regnet fra "
            "ydelsesugen ved tilbuddets slutning (ugerne før start + påbegyndte uger i "
            "tilbuddet). En uge koster kommunen den ugentlige ydelse × (1 − statens refusion), "
            "og refusionen falder med borgerens samlede tid på offentlig forsørgelse "
            "(refusionsreformen 2016). En effekt for en langtidsforsørget sparer derfor mere "
            "end en effekt for en nyledig."
        ),
        "business_case_upper_bound": "Sparet forsørgelse",
        "business_case_upper_bound_text": (
            "Summen for tilbuddets effekter. Det er en øvre grænse: den regner hver effekt "
            "som tilbuddets fortjeneste, men nogle borgere var kommet i job eller uddannelse "
            "alligevel."
        ),
        "business_case_extra": "Ud over forventet",
        "business_case_extra_text": (
            "Sparet forsørgelse minus den forventede: summen over alle deltagere af deres "
            "gruppes effektrate i hele kohorten × deres sparede forsørgelse. Det er, hvad "
            "effekterne ud over et gennemsnitligt tilbud for de samme borgere er værd; negativt, "
            "når tilbuddet sparer mindre end forventet."
        ),
        "business_case_payback": "Kr. sparet pr. kr.",
        "business_case_payback_text": (
            "Sparet forsørgelse divideret med tilbuddets udgifter. Tom, når tilbuddet intet "
            "kostede."
        ),
        "staircase": "Refusionstrappe",
        "staircase_weeks": "Ydelsesuger",
        "staircase_refusion": "Statens refusion",
        "staircase_net_share": "Kommunen betaler",
        "weeks_range": "uge {first}–{last}",
        "weeks_from": "uge {first} og frem",
        "weekly_payments": "Ugentlig ydelse (brutto)",
        "business_case_example": "Regneeksempel: sparet forsørgelse",
        "business_case_example_text": (
            "En kontanthjælpsmodtager med {before} ugers forsørgelse tager et kursus på "
            "{course} uger og slutter i ydelsesuge {end}. En effekt sparer uge {first}–{last}:"
        ),
        "business_case_example_step": "{weeks} uger × {payment} kr. × {net} % = {amount} kr.",
        "business_case_example_total": "I alt",
        "business_case_sensitivity": "Kvartalets sparede forsørgelse",
        "business_case_sensitivity_text": (
            "Alle kvartalets effekter tilsammen, med forskellige antagelser om antal sparede "
            "uger, så det ses, hvor meget antagelsen betyder:"
        ),
        "business_case_sensitivity_row": "{weeks} uger sparet",
        "business_case_sensitivity_configured": "{weeks} uger sparet (indstillingen)",
        "thousands_mark": ".",
        "decimal_mark": ",",
        "clear_winner": "Klar vinder: {offer}, sandsynlighed {probability} for at være billigst.",
        "clear_winner_suppressed": (
            "Klar vinder: {offer} (færre end {n} deltagere, så sandsynligheden vises ikke)."
        ),
        "no_clear_winner": "Ingen klar vinder: forskellene kan skyldes tilfældigheder.",
        "legend_prob_best": (
            "Krympet effektpris: prisen med tilbuddets faktiske/forventede effekter trukket mod "
            "typens, mest for små tilbud. Sandsynlighed for at være billigst: hvor sikkert det "
            "er, at tilbuddet har typens laveste effektpris (se Metode)."
        ),
        "breakdown_block": "Hvem tager leverandøren?",
        "breakdown_intro": (
            "Leverandørens deltagere fordelt på ydelsesgruppe, matchgruppe og aldersgruppe, "
            "ved siden af hele kohortens fordeling. Afviger fordelingen meget, kan leverandøren "
            "have haft lettere (eller sværere) borgere end andre."
        ),
        "breakdown_dimension": "Opdeling",
        "breakdown_value": "Gruppe",
        "breakdown_share": "Andel af leverandørens deltagere",
        "breakdown_cohort_share": "Andel af hele kohorten",
        "benefit_group": "Ydelsesgruppe",
        "match_group": "Matchgruppe",
        "age_band": "Aldersgruppe",
        "benefit_dagpenge": "Dagpenge",
        "benefit_kontanthjaelp": "Kontanthjælp",
        "benefit_uddannelseshjaelp": "Uddannelseshjælp",
        "benefit_sygedagpenge": "Sygedagpenge",
        "benefit_jobafklaring": "Jobafklaring",
        "benefit_ressourceforloeb": "Ressourceforløb",
        "benefit_ledighedsydelse": "Ledighedsydelse",
        "benefit_integrationsydelse": "Integrationsydelse",
        "benefit_revalidering": "Revalidering",
        "offer_type_jobsoegning": "Jobsøgning",
        "offer_type_loentilskud": "Løntilskud",
        "offer_type_mentor": "Mentor",
        "offer_type_virksomhedspraktik": "Virksomhedspraktik",
        "offer_type_vejledning_opkvalificering": "Vejledning og opkvalificering",
        # tender basis
        "type_block": "{offer_type}: samlet effektrate {rate} for {participants} deltagere",
        "funnel_title": "Tragtdiagram: {offer_type}",
        "funnel_x": "Deltagere",
        "funnel_y": "Effektrate",
        "funnel_offers": "Tilbud",
        "funnel_rate": "Samlet effektrate for typen",
        "funnel_95": "95 %-grænse",
        "funnel_998": "99,8 %-grænse",
        # jobcenter benchmark (SPEC §2.7)
        "sheet_jobcenters": "Jobcentre",
        "title_jobcenters": "Jobcentre {quarter}: faktiske effekter mod forventede",
        "jobcenter": "Jobcenter",
        "rank": "Rang",
        "legend_jobcenters": (
            "Rang 1 = højeste forhold mellem faktiske og forventede effekter (O/E). De forventede "
            "effekter regnes ud fra hele udtrækkets målgrupper, så et jobcenter med tungere "
            "borgere ikke straffes for det. O/E over 1: flere effekter end forventet."
        ),
        "jobcenter_funnel_title": "Tragtdiagram: jobcentrenes O/E",
        "jobcenter_funnel_x": "Forventede effekter",
        "jobcenter_funnel_y": "Faktiske/forventede effekter",
        "jobcenter_funnel_points": "Jobcentre",
        "jobcenter_funnel_centre": "Som forventet (1,0)",
        "jobcenter_rank_line": (
            "{jobcenter} er nr. {rank} af {ranked} jobcentre i udtrækket målt på faktiske/"
            "forventede effekter (se arket Jobcentre)."
        ),
        "jobcenter_unranked_line": (
            "{jobcenter} har for få deltagere i kvartalet til at blive rangeret blandt de "
            "{ranked} jobcentre i udtrækket."
        ),
        "headline_jobcenter": "Kvartalet i tal ({jobcenter}, alle leverandører)",
        # provider scorecard
        "pillars": "De fire søjler",
        "pillar_experience": "1. Brugeroplevelse",
        "pillar_effect": "2. Effekt",
        "pillar_economy": "3. Økonomi",
        "pillar_progression": "4. Progression",
        "satisfaction_responses": "Besvarelser",
        "satisfaction_mean": "Gennemsnitlig score (1–5)",
        "satisfied_share": "Andel tilfredse (score 4–5)",
        "progression_n": "Borgere i matchgruppe 2–3 med før- og eftervurdering",
        "progression_mean": "Gennemsnitlig ændring i progression (0–10)",
        "offers_block": "Leverandørens tilbud",
        "contracts_block": "Leverandørens kontrakter",
        "no_contracts": "Leverandøren har ingen kontrakt i kvartalet.",
        "trend_block": "Udvikling over 8 kvartaler",
        "trend_chart": "Effektrate og effektpris pr. kvartal",
        # data quality
        "severity": "Alvor",
        "table": "Tabel",
        "row": "Række",
        "column": "Kolonne",
        "value": "Værdi",
        "rule": "Regel",
        "message": "Besked",
        "no_findings": "Ingen fund: udtrækket overholder alle regler.",
        "findings_truncated": (
            "Viser de første {shown} af {total} fund. Den fulde liste står i data_quality.csv."
        ),
        # method
        "definitions": "Definitioner",
        "settings": "Indstillinger",
        "setting_window_days": "Opfølgningsperiode (dage)",
        "setting_suppress_below": "Diskretion: grupper med færre deltagere vises ikke",
        "setting_min_participants": "Mindste antal deltagere for en kontraktvurdering",
        "inputs": "Inddata",
        "file": "Fil",
        "rows": "Rækker",
        "sha256": "SHA-256",
        "software": "Program",
        "version": "Version",
        "created": "Dannet",
        "default_table": "(standardtabel fra programmet)",
        # legends
        "legend": "Farveforklaring",
        "legend_status": (
            "Grøn: opfyldt · Rød: ikke opfyldt · Gul: for få deltagere til at vurdere · "
            "Grå: intet mål eller ingen kontrakt"
        ),
        "legend_recommendation": (
            "Grøn: fortsæt · Gul: dialogmøde (ét kvartal under mål) · "
            "Rød: udfasning (to eller flere kvartaler i træk under mål)"
        ),
        "legend_price": (
            "Justeret effektpris: grøn er billigst pr. effekt inden for typen, rød dyrest."
        ),
        "legend_uncertain": (
            "Usikkert grundlag: færre deltagere end kontraktens minimum, eller et "
            "95 %-interval der rummer kontraktens mål. Handl ikke på tallet alene."
        ),
        "legend_funnel": (
            "Tragtdiagram: punkter uden for 99,8 %-grænserne ligger uden for, hvad tilfældighed "
            "forklarer; mellem 95 % og 99,8 % er et varsel."
        ),
        "legend_suppressed": "<{n}: færre end {n} deltagere; tallene vises ikke (diskretion).",
    },
    "en": {
        "sheet_overview": "Overview",
        "sheet_tender": "Tender",
        "sheet_contracts": "Contracts",
        "sheet_data_quality": "Data quality",
        "sheet_method": "Method",
        "sheet_chart_data": "Chart data",
        "title_overview": "Effect prices for quarter {quarter}: overview",
        "title_tender": "Tender basis {quarter}: offers ranked by adjusted effect price",
        "title_contracts": "Contract follow-up {quarter}",
        "title_provider": "Scorecard {quarter}: {provider}",
        "title_data_quality": "Data quality: findings in the extract",
        "title_method": "Method: how the figures are computed",
        "run_line": "Quarter {quarter} · data as of {as_of}",
        "preliminary_banner": (
            "PRELIMINARY FIGURES: the follow-up window of this quarter's participations ends "
            "{date}. More exits may still arrive, so effect rates and prices can change."
        ),
        "final_banner": "Final figures: the follow-up window of {days} days is complete.",
        "headline": "The quarter in figures (all providers)",
        "participants": "Participants",
        "job_exits": "Exits to job",
        "education_exits": "Exits to education",
        "effects": "Effects",
        "effect_rate": "Effect rate",
        "total_cost": "Total cost",
        "effect_price": "Effect price",
        "offer_type": "Offer type",
        "rank_in_type": "Rank in type",
        "provider": "Provider",
        "provider_id": "Provider id",
        "offer": "Offer",
        "offer_id": "Offer id",
        "ci_low": "95 % interval, low",
        "ci_high": "95 % interval, high",
        "cost_per_participant": "Cost per participant",
        "expected_effects": "Expected effects",
        "oe_ratio": "Observed/expected effects",
        "adjusted_effect_rate": "Adjusted effect rate",
        "adjusted_effect_price": "Adjusted effect price",
        "contracts": "Contract(s)",
        "contract_id": "Contract",
        "contract_status": "Contract status",
        "recommendation": "Recommendation",
        "is_uncertain": "Uncertain basis",
        "funnel_position": "Position in funnel plot",
        "trend_rate": "Effect rate {quarter}",
        "target_effect_rate": "Target effect rate",
        "max_effect_price": "Max. effect price",
        "min_participants": "Min. participants",
        "status": "Status",
        "clearly_missed": "Clearly missed",
        "consecutive_missed": "Quarters missed in a row",
        "preliminary": "Preliminary",
        "quarter": "Quarter",
        "met": "Met",
        "missed": "Missed",
        "inconclusive": "Too few participants",
        "no_target": "No target",
        "no_contract": "No contract",
        "continue": "Continue",
        "dialogue": "Dialogue meeting",
        "phase_out": "Phase out",
        "above_998": "Above the 99.8 % limit",
        "above_95": "Above the 95 % limit",
        "within": "Within the limits",
        "below_95": "Below the 95 % limit",
        "below_998": "Below the 99.8 % limit",
        "yes": "Yes",
        "no": "No",
        "blocking": "Blocking",
        "warning": "Warning",
        "no_data": "no data",
        "no_participants": "–",
        "shrunk_effect_price": "Shrunk effect price",
        "prob_best": "Probability of being cheapest",
        # the business case (SPEC §2.8)
        "avoided_benefit_cost": "Avoided benefit cost",
        "extra_avoided_benefit_cost": "Beyond expected",
        "payback_ratio": "DKK saved per DKK",
        "business_case_line": (
            "Avoided benefit cost: each effect is assumed to save {weeks} weeks of benefits; "
            "refusion {rates} % (the municipality's net cost; see the Method sheet)."
        ),
        "business_case_section": "Business case: what the effects save the municipality",
        "business_case_assumption": "Assumption",
        "business_case_assumption_text": (
            "Each effect is assumed to save the municipality {weeks} weeks of benefits, counted "
            "from the benefit week at the offer's end (the weeks before the start + the started "
            "weeks of the offer). A week costs the municipality the weekly benefit × (1 − the "
            "state's refusion), and the refusion falls with the citizen's total time on public "
            "benefits (the 2016 refusion reform). So an effect for a long-term recipient saves "
            "more than one for a newcomer."
        ),
        "business_case_upper_bound": "Avoided benefit cost",
        "business_case_upper_bound_text": (
            "The sum over the offer's effects. It is an upper bound: it counts every effect as "
            "the offer's doing, but some citizens would have found work or education anyway."
        ),
        "business_case_extra": "Beyond expected",
        "business_case_extra_text": (
            "Avoided benefit cost minus the expected: the sum over all participants of their "
            "group's effect rate in the whole cohort × their avoidable cost. It is what the "
            "effects beyond an average offer for the same citizens are worth; negative when the "
            "offer saves less than expected."
        ),
        "business_case_payback": "DKK saved per DKK",
        "business_case_payback_text": (
            "Avoided benefit cost divided by the offer's cost. Empty when the offer cost nothing."
        ),
        "staircase": "Refusion staircase",
        "staircase_weeks": "Benefit weeks",
        "staircase_refusion": "State refusion",
        "staircase_net_share": "Municipality pays",
        "weeks_range": "weeks {first}–{last}",
        "weeks_from": "week {first} onwards",
        "weekly_payments": "Weekly benefit (gross)",
        "business_case_example": "Worked example: avoided cost",
        "business_case_example_text": (
            "A recipient of social assistance (kontanthjælp) {before} weeks on benefits takes a "
            "{course}-week course and ends it in benefit week {end}. An effect saves weeks "
            "{first}–{last}:"
        ),
        "business_case_example_step": "{weeks} weeks × {payment} kr. × {net} % = {amount} kr.",
        "business_case_example_total": "Total",
        "business_case_sensitivity": "The quarter's avoided benefit cost",
        "business_case_sensitivity_text": (
            "All of the quarter's effects together, under different assumptions of the weeks "
            "saved, to show how much the assumption matters:"
        ),
        "business_case_sensitivity_row": "{weeks} weeks saved",
        "business_case_sensitivity_configured": "{weeks} weeks saved (the setting)",
        "thousands_mark": ",",
        "decimal_mark": ".",
        "clear_winner": "Clear winner: {offer}, probability {probability} of being cheapest.",
        "clear_winner_suppressed": (
            "Clear winner: {offer} (fewer than {n} participants, so the probability is not shown)."
        ),
        "no_clear_winner": "No clear winner: the differences may be due to chance.",
        "legend_prob_best": (
            "Shrunk effect price: the price with the offer's observed/expected effects pulled "
            "towards the type's, most for small offers. Probability of being cheapest: how sure "
            "it is that the offer has the type's lowest effect price (see Method)."
        ),
        "breakdown_block": "Whom does the provider serve?",
        "breakdown_intro": (
            "The provider's participants by benefit group, match group and age band, beside the "
            "whole cohort's. A very different mix means the provider may have had easier (or "
            "harder) citizens than others."
        ),
        "breakdown_dimension": "Breakdown",
        "breakdown_value": "Group",
        "breakdown_share": "Share of the provider's participants",
        "breakdown_cohort_share": "Share of the whole cohort",
        "benefit_group": "Benefit group",
        "match_group": "Match group",
        "age_band": "Age band",
        "benefit_dagpenge": "Unemployment insurance (dagpenge)",
        "benefit_kontanthjaelp": "Social assistance (kontanthjælp)",
        "benefit_uddannelseshjaelp": "Education assistance (uddannelseshjælp)",
        "benefit_sygedagpenge": "Sickness benefit (sygedagpenge)",
        "benefit_jobafklaring": "Job clarification (jobafklaring)",
        "benefit_ressourceforloeb": "Resource programme (ressourceforløb)",
        "benefit_ledighedsydelse": "Flex-job benefit (ledighedsydelse)",
        "benefit_integrationsydelse": "Integration benefit (integrationsydelse)",
        "benefit_revalidering": "Rehabilitation (revalidering)",
        "offer_type_jobsoegning": "Job search",
        "offer_type_loentilskud": "Wage subsidy",
        "offer_type_mentor": "Mentor",
        "offer_type_virksomhedspraktik": "Work placement",
        "offer_type_vejledning_opkvalificering": "Guidance and upskilling",
        "type_block": "{offer_type}: overall effect rate {rate} for {participants} participants",
        "funnel_title": "Funnel plot: {offer_type}",
        "funnel_x": "Participants",
        "funnel_y": "Effect rate",
        "funnel_offers": "Offers",
        "funnel_rate": "Overall rate of the type",
        "funnel_95": "95 % limit",
        "funnel_998": "99.8 % limit",
        # jobcenter benchmark (SPEC §2.7)
        "sheet_jobcenters": "Jobcenters",
        "title_jobcenters": "Jobcenters {quarter}: observed effects against expected",
        "jobcenter": "Jobcenter",
        "rank": "Rank",
        "legend_jobcenters": (
            "Rank 1 = the highest ratio of observed to expected effects (O/E). Expected effects "
            "come from the target groups of the whole extract, so a jobcenter with harder cases "
            "is not penalised for them. O/E above 1: more effects than expected."
        ),
        "jobcenter_funnel_title": "Funnel plot: the jobcenters' O/E",
        "jobcenter_funnel_x": "Expected effects",
        "jobcenter_funnel_y": "Observed/expected effects",
        "jobcenter_funnel_points": "Jobcenters",
        "jobcenter_funnel_centre": "As expected (1.0)",
        "jobcenter_rank_line": (
            "{jobcenter} is number {rank} of {ranked} jobcenters in the extract by observed/"
            "expected effects (see the Jobcenters sheet)."
        ),
        "jobcenter_unranked_line": (
            "{jobcenter} has too few participants in the quarter to be ranked among the "
            "{ranked} jobcenters of the extract."
        ),
        "headline_jobcenter": "The quarter in figures ({jobcenter}, all providers)",
        "pillars": "The four pillars",
        "pillar_experience": "1. User experience",
        "pillar_effect": "2. Effect",
        "pillar_economy": "3. Economy",
        "pillar_progression": "4. Progression",
        "satisfaction_responses": "Responses",
        "satisfaction_mean": "Mean score (1–5)",
        "satisfied_share": "Share satisfied (score 4–5)",
        "progression_n": "Citizens in match group 2–3 with a before and an after assessment",
        "progression_mean": "Mean change in progression (0–10)",
        "offers_block": "The provider's offers",
        "contracts_block": "The provider's contracts",
        "no_contracts": "The provider has no contract in the quarter.",
        "trend_block": "Trend over 8 quarters",
        "trend_chart": "Effect rate and effect price per quarter",
        "severity": "Severity",
        "table": "Table",
        "row": "Row",
        "column": "Column",
        "value": "Value",
        "rule": "Rule",
        "message": "Message",
        "no_findings": "No findings: the extract meets every rule.",
        "findings_truncated": (
            "Showing the first {shown} of {total} findings. The full list is in data_quality.csv."
        ),
        "definitions": "Definitions",
        "settings": "Settings",
        "setting_window_days": "Follow-up window (days)",
        "setting_suppress_below": "Suppression: groups with fewer participants are not shown",
        "setting_min_participants": "Fewest participants for a contract to be judged",
        "inputs": "Inputs",
        "file": "File",
        "rows": "Rows",
        "sha256": "SHA-256",
        "software": "Software",
        "version": "Version",
        "created": "Created",
        "default_table": "(default table shipped with the software)",
        "legend": "Colour key",
        "legend_status": (
            "Green: met · Red: missed · Yellow: too few participants to judge · "
            "Grey: no target or no contract"
        ),
        "legend_recommendation": (
            "Green: continue · Yellow: dialogue meeting (one quarter below target) · "
            "Red: phase out (two or more quarters in a row below target)"
        ),
        "legend_price": (
            "Adjusted effect price: green is the cheapest per effect within the type, red the "
            "most expensive."
        ),
        "legend_uncertain": (
            "Uncertain basis: fewer participants than the contract minimum, or a 95 % interval "
            "that contains the contract target. Do not act on the figure alone."
        ),
        "legend_funnel": (
            "Funnel plot: points outside the 99.8 % limits lie outside what chance explains; "
            "between 95 % and 99.8 % is a warning."
        ),
        "legend_suppressed": "<{n}: fewer than {n} participants; figures not shown (privacy).",
    },
}

# The method sheet: each definition of SPEC §2 in plain words, as (heading, text). `{window_days}`,
# `{suppress_below}` and `{min_participants}` are the settings of the run.
METHOD_TEXT = {
    "da": (
        (
            "Kohorte",
            "Kvartalets kohorte er de tilbudsforløb, der sluttede i kvartalet. Igangværende "
            "forløb indgår ikke.",
        ),
        (
            "Opfølgningsperiode",
            "Et forløb følges fra startdatoen til {window_days} dage efter slutdatoen. "
            "Tallene er foreløbige, indtil opfølgningsperioden for hele kvartalet er slut.",
        ),
        (
            "Effekt",
            "Et forløb har effekt, når borgeren afmeldes til job eller uddannelse inden for "
            "opfølgningsperioden. Den tidligste afmelding tæller; sker job og uddannelse samme "
            "dag, tæller job. Hvert forløb vurderes for sig, så én afmelding kan tælle for flere "
            "forløb hos samme borger.",
        ),
        (
            "Udgift",
            "Prisen er den pris, der gjaldt på forløbets startdato: pr. deltager, pr. påbegyndt "
            "uge (dage/7 rundet op) eller pr. dag (alle dage fra start til slut, begge "
            "medregnet).",
        ),
        ("Effektrate", "Effekter divideret med deltagere."),
        (
            "Effektpris",
            "Samlede udgifter divideret med antal effekter. Tom, når der ingen effekter er.",
        ),
        (
            "Justeret effektpris",
            "Effektprisen korrigeret for, hvilke borgere leverandøren har haft (ydelsesgruppe, "
            "matchgruppe og aldersgruppe): de forventede effekter er summen af hver borgers "
            "gruppes effektrate i hele kohorten. Justeret effektrate = faktiske/forventede "
            "effekter × kohortens effektrate; justeret effektpris = udgifter / (justeret "
            "effektrate × deltagere). Rangen i typen går efter den justerede effektpris, "
            "billigst først.",
        ),
        (
            "Interval",
            "95 %-intervallet (Wilson) viser, hvor meget effektraten kan svinge alene på grund "
            "af tilfældigheder. Jo færre deltagere, jo bredere interval.",
        ),
        (
            "Tragtdiagram",
            "Hvert tilbuds effektrate mod antal deltagere, med typens samlede effektrate og "
            "grænserne p ± z·√(p(1−p)/n) for 95 % og 99,8 %. Et tilbud uden for 99,8 %-grænserne "
            "afviger mere, end tilfældighed forklarer.",
        ),
        (
            "Diskretion",
            "Grupper med færre end {suppress_below} deltagere vises som <{suppress_below} uden "
            "antal, rater eller priser, så ingen borger kan genkendes.",
        ),
        (
            "Kontraktstatus",
            "En kontrakt dækker forløb i dens tilbud (eller alle leverandørens tilbud), der "
            "startede i kontraktens gyldighedsperiode. Intet mål: kontrakten har hverken mål for "
            "effektrate eller maks. effektpris. For få deltagere: færre end kontraktens minimum "
            "(standard {min_participants}). Ikke opfyldt: effektraten er under målet, eller "
            "effektprisen er over maksimum eller tom. Ellers opfyldt. Klart under mål: selv "
            "intervallets øvre grænse er under målet.",
        ),
        (
            "Eskalering",
            "Antal kvartaler i træk under mål afgør anbefalingen: 0 fortsæt, 1 dialogmøde med "
            "leverandøren, 2 eller flere udfasning af tilbuddet. Et kvartal med anden status "
            "bryder rækken.",
        ),
        (
            "Usikkert grundlag",
            "Markeret, når tilbuddet har færre deltagere end kontraktens minimum, eller når "
            "intervallet rummer kontraktens mål for effektrate.",
        ),
        (
            "De fire søjler",
            "Brugeroplevelse (tilfredshedsbesvarelser, score 1–5), effekt, økonomi og "
            "progression for borgere i matchgruppe 2 og 3 (seneste vurdering før start og "
            "seneste vurdering efter start og senest ved opfølgningsperiodens slutning). "
            "Mangler en tabel, står der ingen data, aldrig nul.",
        ),
        (
            "Krympning mod typen",
            "Et lille tilbud kan have et heldigt kvartal, ligne det bedste og derefter skuffe "
            "(regression mod middelværdien). Derfor trækkes hvert tilbuds faktiske/forventede "
            "effekter (F/F) mod hele tilbudstypens F/F, m = typens effekter / typens forventede "
            "effekter. Spredningen mellem tilbuddene ud over tilfældighed er v = s² − m/Ē "
            "(mindst 0), hvor s² er spredningen af tilbuddenes F/F omkring m, vægtet med de "
            "forventede effekter, og Ē det gennemsnitlige antal forventede effekter pr. tilbud. "
            "Tilbuddets vægt er C = v/(v + m/E): jo flere forventede effekter E, jo mere tæller "
            "tilbuddets egne tal. Krympet F/F = m + C × (tilbuddets F/F − m); krympet effektrate "
            "= krympet F/F × kohortens effektrate; krympet effektpris = udgift pr. deltager / "
            "krympet effektrate. Er v = 0, får alle typens tilbud typens F/F.",
        ),
        (
            "Regneeksempel",
            "Tre tilbud af samme type: A har 8 effekter mod 5 forventede (F/F 1,6), B 2 mod 5 "
            "(0,4) og C 10 mod 10 (1,0). m = 20/20 = 1. s² = (5 × 0,6² + 5 × 0,6² + 10 × 0²)/20 "
            "= 0,18. Ē = 20/3 ≈ 6,67, så m/Ē = 0,15 og v = 0,18 − 0,15 = 0,03. For A er "
            "C = 0,03/(0,03 + 1/5) ≈ 0,130 og krympet F/F = 1 + 0,130 × 0,6 ≈ 1,078 (i stedet "
            "for 1,6); for C er C = 0,03/(0,03 + 1/10) ≈ 0,23. Med kohortens effektrate 50 % og "
            "1.000 kr. pr. deltager er A's krympede effektpris 1.000/(1,078 × 0,5) ≈ 1.855 kr.",
        ),
        (
            "Sandsynlighed for at være billigst",
            "For hvert tilbud beregnes, hvor sandsynligt det er, at det reelt har typens "
            "laveste effektpris, givet dets effekter og spredningen v (hvert tilbuds sande F/F "
            "følger en gammafordeling; sandsynligheden findes ved numerisk integration, ikke ved "
            "simulation). Sandsynlighederne i en type summer til 100 %. Er den højeste under "
            "50 %, er der ingen klar vinder: forskellene kan skyldes tilfældigheder, og rangen "
            "bør ikke alene afgøre udbuddet. Er v = 0, er tilbuddet med den laveste udgift pr. "
            "deltager billigst. Rangen i typen er uændret: arket viser begge.",
        ),
        (
            "Hvem tager leverandøren?",
            "Hvert scorekort viser leverandørens deltagere fordelt på ydelsesgruppe, matchgruppe "
            "og aldersgruppe ved siden af hele kohortens fordeling, med faktiske/forventede "
            "effekter i hver gruppe. En leverandør med langt flere borgere i matchgruppe 1 end "
            "kohorten får ventelig en højere rå effektrate; den justerede effektpris tager højde "
            "for det. Grupper med færre end {suppress_below} deltagere vises som "
            "<{suppress_below}.",
        ),
    ),
    "en": (
        (
            "Cohort",
            "The quarter's cohort is the participations that ended in the quarter. Ongoing "
            "participations are not included.",
        ),
        (
            "Follow-up window",
            "A participation is followed from its start date until {window_days} days after its "
            "end date. Figures are preliminary until the window of the whole quarter is over.",
        ),
        (
            "Effect",
            "A participation has an effect when the citizen leaves benefits for a job or "
            "education within the window. The earliest such exit counts; on a tie on the same "
            "day, job wins. Each participation is judged on its own, so one exit can count for "
            "several participations of the same citizen.",
        ),
        (
            "Cost",
            "The price valid on the participation's start date: per participant, per started "
            "week (days/7 rounded up) or per day (every day from start to end, both included).",
        ),
        ("Effect rate", "Effects divided by participants."),
        ("Effect price", "Total cost divided by effects. Empty when there are no effects."),
        (
            "Adjusted effect price",
            "The effect price corrected for which citizens the provider had (benefit group, "
            "match group and age band): expected effects are the sum of each citizen's group "
            "effect rate in the whole cohort. Adjusted effect rate = observed/expected effects × "
            "the cohort's effect rate; adjusted effect price = cost / (adjusted effect rate × "
            "participants). The rank in type follows the adjusted effect price, cheapest first.",
        ),
        (
            "Interval",
            "The 95 % interval (Wilson) shows how much the effect rate can vary by chance "
            "alone. The fewer participants, the wider the interval.",
        ),
        (
            "Funnel plot",
            "Each offer's effect rate against its participants, with the type's overall effect "
            "rate and the limits p ± z·√(p(1−p)/n) at 95 % and 99.8 %. An offer outside the "
            "99.8 % limits differs more than chance explains.",
        ),
        (
            "Suppression",
            "Groups with fewer than {suppress_below} participants show <{suppress_below} and no "
            "counts, rates or prices, so no citizen can be recognised.",
        ),
        (
            "Contract status",
            "A contract covers the participations in its offer (or in every offer of the "
            "provider) that started within its validity. No target: neither an effect rate "
            "target nor a maximum effect price. Too few participants: fewer than the contract "
            "minimum (default {min_participants}). Missed: the effect rate is below target, or "
            "the effect price above the maximum or empty. Otherwise met. Clearly missed: even "
            "the interval's upper bound is below target.",
        ),
        (
            "Escalation",
            "Quarters missed in a row decide the recommendation: 0 continue, 1 a dialogue "
            "meeting with the provider, 2 or more phase the offer out. A quarter with any other "
            "status breaks the run.",
        ),
        (
            "Uncertain basis",
            "Marked when the offer has fewer participants than the contract minimum, or when "
            "its interval contains the contract's effect rate target.",
        ),
        (
            "The four pillars",
            "User experience (survey responses, score 1–5), effect, economy, and progression of "
            "citizens in match groups 2 and 3 (latest assessment on or before the start and "
            "latest assessment after the start, no later than the end of the window). A missing "
            "table shows no data, never zero.",
        ),
        (
            "Shrinkage towards the type",
            "A small offer can have a lucky quarter, look the best and then disappoint "
            "(regression to the mean). So each offer's observed/expected effects (O/E) are "
            "pulled towards its offer type's O/E, m = the type's effects / its expected effects. "
            "The spread between offers beyond chance is v = s² − m/Ē (at least 0), where s² is "
            "the spread of the offers' O/E around m, weighted by expected effects, and Ē the "
            "mean expected effects per offer. An offer's weight is C = v/(v + m/E): the more "
            "expected effects E, the more its own figures count. Shrunk O/E = m + C × (the "
            "offer's O/E − m); shrunk effect rate = shrunk O/E × the cohort's effect rate; shrunk "
            "effect price = cost per participant / shrunk effect rate. With v = 0 every offer of "
            "the type gets the type's O/E.",
        ),
        (
            "Worked example",
            "Three offers of one type: A has 8 effects against 5 expected (O/E 1.6), B 2 against "
            "5 (0.4), C 10 against 10 (1.0). m = 20/20 = 1. s² = (5 × 0.6² + 5 × 0.6² + 10 × 0²)"
            "/20 = 0.18. Ē = 20/3 ≈ 6.67, so m/Ē = 0.15 and v = 0.18 − 0.15 = 0.03. For A, "
            "C = 0.03/(0.03 + 1/5) ≈ 0.130 and shrunk O/E = 1 + 0.130 × 0.6 ≈ 1.078 (instead of "
            "1.6); for C, C = 0.03/(0.03 + 1/10) ≈ 0.23. With a cohort effect rate of 50 % and "
            "1,000 kr. per participant, A's shrunk effect price is 1,000/(1.078 × 0.5) ≈ 1,855 kr.",
        ),
        (
            "Probability of being cheapest",
            "For each offer: how likely it really has the type's lowest effect price, given its "
            "effects and the spread v (each offer's true O/E follows a gamma distribution; the "
            "probability is found by numerical integration, not simulation). The probabilities "
            "of a type add up to 100 %. When the highest is below 50 %, there is no clear "
            "winner: the differences may be due to chance, and the rank should not decide the "
            "tender alone. With v = 0 the offer with the lowest cost per participant is "
            "cheapest. The rank in type is unchanged: the sheet shows both.",
        ),
        (
            "Whom does the provider serve?",
            "Each scorecard shows the provider's participants by benefit group, match group and "
            "age band beside the whole cohort's, with observed/expected effects in each group. "
            "A provider with far more citizens in match group 1 than the cohort can expect a "
            "higher raw effect rate; the adjusted effect price allows for that. Groups with "
            "fewer than {suppress_below} participants show <{suppress_below}.",
        ),
    ),
}

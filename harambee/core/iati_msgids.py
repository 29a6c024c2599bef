"""The names of the IATI codes the UI offers, as gettext msgids (generated; do not edit).

Regenerate with ``uv run python -m harambee.core.iati`` after updating the vendored codelists;
tests/test_iati_labels.py fails while this file is out of step. The names are the English ones
of the IATI codelists 2.03 (harambee/iati/codelists/), as
harambee.core.iati.display_name shows them.
"""

from django.utils.translation import gettext_noop

NAMES = (
    # Translators: IATI ActivityStatus 1; French in the codelist: Planification
    gettext_noop("Pipeline/identification"),
    # Translators: IATI ActivityStatus 2; French in the codelist: Actif
    gettext_noop("Implementation"),
    # Translators: IATI ActivityStatus 3; French in the codelist: Finalisation
    gettext_noop("Completion"),
    # Translators: IATI ActivityStatus 4; French in the codelist: Fermé
    gettext_noop("Post-completion"),
    # Translators: IATI ActivityStatus 5; French in the codelist: Annulé
    gettext_noop("Cancelled"),
    # Translators: IATI ActivityStatus 6; French in the codelist: Suspendu
    gettext_noop("Suspended"),
    # Translators: IATI AidType A01; French in the codelist: Soutien budgétaire général
    gettext_noop("General budget support"),
    # Translators: IATI AidType A02; French in the codelist: Soutien budgétaire sectoriel
    gettext_noop("Sector budget support"),
    # Translators: IATI AidType B01
    gettext_noop("Core support to NGOs, other private bodies, PPPs and research institutes"),
    # Translators: IATI AidType B02; French in the codelist: Contributions aux budgets réguliers des institutions multilatérales
    gettext_noop("Core contributions to multilateral institutions"),
    # Translators: IATI AidType B03
    gettext_noop("Contributions to specific-purpose programmes and funds managed by international organisations (multilateral, INGO)"),
    # Translators: IATI AidType B04; French in the codelist: Fonds communs/financements groupés
    gettext_noop("Basket funds/pooled funding"),
    # Translators: IATI AidType C01; French in the codelist: Interventions de type projet
    gettext_noop("Project-type interventions"),
    # Translators: IATI AidType D01; French in the codelist: Personnel du pays donneur
    gettext_noop("Donor country personnel"),
    # Translators: IATI AidType D02; French in the codelist: Autres formes d’assistance technique
    gettext_noop("Other technical assistance"),
    # Translators: IATI AidType E01; French in the codelist: Bourses/formations dans le pays donneur
    gettext_noop("Scholarships/training in donor country"),
    # Translators: IATI AidType E02; French in the codelist: Coûts imputés des étudiants
    gettext_noop("Imputed student costs"),
    # Translators: IATI AidType F01; French in the codelist: Allégement de la dette
    gettext_noop("Debt relief"),
    # Translators: IATI AidType G01; French in the codelist: Frais administratifs non inclus ailleurs
    gettext_noop("Administrative costs not included elsewhere"),
    # Translators: IATI AidType H01; French in the codelist: Sensibilisation au développement
    gettext_noop("Development awareness"),
    # Translators: IATI AidType H02; French in the codelist: Aide aux réfugiés dans le pays
    gettext_noop("Refugees in donor countries"),
    # Translators: IATI AidType-category A; French in the codelist: Soutien Budgétaire
    gettext_noop("Budget support"),
    # Translators: IATI AidType-category B
    gettext_noop("Core contributions and pooled programmes and funds"),
    # Translators: IATI AidType-category D; French in the codelist: Experts et autres formes d’assistance technique
    gettext_noop("Experts and other technical assistance"),
    # Translators: IATI AidType-category E; French in the codelist: Bourses et autres frais d’étude dans les pays donneurs
    gettext_noop("Scholarships and student costs in donor countries"),
    # Translators: IATI AidType-category H; French in the codelist: Autres dépenses dans le pays donneur
    gettext_noop("Other in-donor expenditures"),
    # Translators: IATI BudgetType 1
    gettext_noop("Original"),
    # Translators: IATI BudgetType 2; French in the codelist: Révisé
    gettext_noop("Revised"),
    # Translators: IATI CollaborationType 1; French in the codelist: Bilatéral
    gettext_noop("Bilateral"),
    # Translators: IATI CollaborationType 2; French in the codelist: Multilatéral (contributions des donneurs du CAD)
    gettext_noop("Multilateral (inflows)"),
    # Translators: IATI CollaborationType 3
    gettext_noop("Bilateral, core contributions to NGOs and other private bodies / PPPs"),
    # Translators: IATI CollaborationType 4; French in the codelist: apports des agences multilatérales
    gettext_noop("Multilateral outflows"),
    # Translators: IATI CollaborationType 6; French in the codelist: apports du secteur privé
    gettext_noop("Private sector outflows"),
    # Translators: IATI CollaborationType 7
    gettext_noop("Bilateral, ex-post reporting on NGOs’ activities funded through core contributions"),
    # Translators: IATI CollaborationType 8
    gettext_noop("Bilateral, triangular co-operation"),
    # Translators: IATI FinanceType 110; French in the codelist: Dons ordinaires
    gettext_noop("Standard grant"),
    # Translators: IATI FinanceType 210; French in the codelist: Bonification d'intérêt
    gettext_noop("Interest subsidy"),
    # Translators: IATI FinanceType 310; French in the codelist: Souscriptions au capital sur la base des dépôt
    gettext_noop("Capital subscription on deposit basis"),
    # Translators: IATI FinanceType 311; French in the codelist: Souscriptions au capital sur la base des encaissements
    gettext_noop("Capital subscription on encashment basis"),
    # Translators: IATI FinanceType 421; French in the codelist: Prêt ordinaire
    gettext_noop("Standard loan"),
    # Translators: IATI FinanceType 422; French in the codelist: Don remboursable
    gettext_noop("Reimbursable grant"),
    # Translators: IATI FinanceType 423; French in the codelist: Obligations
    gettext_noop("Bonds"),
    # Translators: IATI FinanceType 424; French in the codelist: Titres adossés à des actifs
    gettext_noop("Asset-backed securities"),
    # Translators: IATI FinanceType 425; French in the codelist: Autres actifs de dette
    gettext_noop("Other debt securities"),
    # Translators: IATI FinanceType 431; French in the codelist: Prêt subordonné
    gettext_noop("Subordinated loan"),
    # Translators: IATI FinanceType 432; French in the codelist: Action privilégiée
    gettext_noop("Preferred equity"),
    # Translators: IATI FinanceType 433; French in the codelist: Autres instruments hybrides
    gettext_noop("Other hybrid instruments"),
    # Translators: IATI FinanceType 510; French in the codelist: Action ordinaire
    gettext_noop("Common equity"),
    # Translators: IATI FinanceType 520; French in the codelist: Parts dans des organismes collectifs d'investissement
    gettext_noop("Shares in collective investment vehicles"),
    # Translators: IATI FinanceType 530; French in the codelist: Bénéfices réinvestis
    gettext_noop("Reinvested earnings"),
    # Translators: IATI FinanceType 610; French in the codelist: Annulation/conversion de la dette : créance APD (P)
    gettext_noop("Debt forgiveness/conversion: ODA claims (P)"),
    # Translators: IATI FinanceType 611; French in the codelist: Annulation/conversion de la dette : créance APD (I)
    gettext_noop("Debt forgiveness/conversion: ODA claims (I)"),
    # Translators: IATI FinanceType 612; French in the codelist: Annulation/conversion de la dette : créance AASP (P)
    gettext_noop("Debt forgiveness/conversion: OOF claims (P)"),
    # Translators: IATI FinanceType 613; French in the codelist: Annulation/conversion de la dette : créance AASP (I)
    gettext_noop("Debt forgiveness/conversion: OOF claims (I)"),
    # Translators: IATI FinanceType 614; French in the codelist: Annulation/conversion de la dette : créance du secteur privé (P)
    gettext_noop("Debt forgiveness/conversion: Private claims (P)"),
    # Translators: IATI FinanceType 615; French in the codelist: Annulation/conversion de la dette : créance du secteur privé (I)
    gettext_noop("Debt forgiveness/conversion: Private claims (I)"),
    # Translators: IATI FinanceType 616; French in the codelist: Annulation/conversion de la dette : créance AASP (DSR)
    gettext_noop("Debt forgiveness: OOF claims (DSR)"),
    # Translators: IATI FinanceType 617; French in the codelist: Annulation/conversion de la dette : créance du secteur privé (DSR)
    gettext_noop("Debt forgiveness: Private claims (DSR)"),
    # Translators: IATI FinanceType 618; French in the codelist: Annulation/conversion de la dette : autre
    gettext_noop("Debt forgiveness: Other"),
    # Translators: IATI FinanceType 620; French in the codelist: Rééchelonnement de la dette : créance APD (P)
    gettext_noop("Debt rescheduling: ODA claims (P)"),
    # Translators: IATI FinanceType 621; French in the codelist: Rééchelonnement de la dette : créance APD (I)
    gettext_noop("Debt rescheduling: ODA claims (I)"),
    # Translators: IATI FinanceType 622; French in the codelist: Rééchelonnement de la dette : créance AASP (P)
    gettext_noop("Debt rescheduling: OOF claims (P)"),
    # Translators: IATI FinanceType 623; French in the codelist: Rééchelonnement de la dette : créance AASP (I)
    gettext_noop("Debt rescheduling: OOF claims (I)"),
    # Translators: IATI FinanceType 624; French in the codelist: Rééchelonnement de la dette : créance du secteur privé (P)
    gettext_noop("Debt rescheduling: Private claims (P)"),
    # Translators: IATI FinanceType 625; French in the codelist: Rééchelonnement de la dette : créance du secteur privé (I)
    gettext_noop("Debt rescheduling: Private claims (I)"),
    # Translators: IATI FinanceType 626; French in the codelist: Rééchelonnement de la dette : créance AASP (RSD)
    gettext_noop("Debt rescheduling: OOF claims (DSR)"),
    # Translators: IATI FinanceType 627; French in the codelist: Rééchelonnement de la dette : créance du secteur privé (RSD)
    gettext_noop("Debt rescheduling: Private claims (DSR)"),
    # Translators: IATI FinanceType 630; French in the codelist: Rééchelonnement de la dette : créance AASP (RSD – principal du prêt d’origine)
    gettext_noop("Debt rescheduling: OOF claim (DSR – original loan principal)"),
    # Translators: IATI FinanceType 631; French in the codelist: Rééchelonnement de la dette : créance AASP (RSD – intérêts du prêt d’origine)
    gettext_noop("Debt rescheduling: OOF claim (DSR – original loan interest)"),
    # Translators: IATI FinanceType 632
    gettext_noop("Debt rescheduling: Private claim (DSR – original loan principal)"),
    # Translators: IATI FinanceType 633; French in the codelist: Annulation/conversion de la dette : créance de crédit à l'exportation (P)
    gettext_noop("Debt forgiveness/conversion: export credit claims (P)"),
    # Translators: IATI FinanceType 634; French in the codelist: Annulation/conversion de la dette : créance de crédit à l'exportation (I)
    gettext_noop("Debt forgiveness/conversion: export credit claims (I)"),
    # Translators: IATI FinanceType 635; French in the codelist: Annulation de la dette : créance de crédit à l'exportation (DSR)
    gettext_noop("Debt forgiveness: export credit claims (DSR)"),
    # Translators: IATI FinanceType 636; French in the codelist: Rééchelonnement de la dette : créance de crédit à l'exportation (P)
    gettext_noop("Debt rescheduling: export credit claims (P)"),
    # Translators: IATI FinanceType 637; French in the codelist: Rééchelonnement de la dette : créance de crédit à l'exportation (I)
    gettext_noop("Debt rescheduling: export credit claims (I)"),
    # Translators: IATI FinanceType 638; French in the codelist: Rééchelonnement de la dette : créance de crédit à l'exportation (DSR)
    gettext_noop("Debt rescheduling: export credit claims (DSR)"),
    # Translators: IATI FinanceType 639
    gettext_noop("Debt rescheduling: export credit claim (DSR – original loan principal)"),
    # Translators: IATI FinanceType 1100; French in the codelist: Garanties/assurances
    gettext_noop("Guarantees/insurance"),
    # Translators: IATI FinanceType-category 100; French in the codelist: DONS
    gettext_noop("Grants"),
    # Translators: IATI FinanceType-category 420; French in the codelist: INSTRUMENTS DE DETTE
    gettext_noop("Debt instruments"),
    # Translators: IATI FinanceType-category 430; French in the codelist: INSTRUMENTS FINANCIERS EN MEZZANINE
    gettext_noop("Mezzanine finance instruments"),
    # Translators: IATI FinanceType-category 500; French in the codelist: ACTIONS ET PARTS DANS DES VEHICULES COLLECTIFS D'INVESTISSEMENT
    gettext_noop("Equity and shares in collective investment vehicles"),
    # Translators: IATI FinanceType-category 1000; French in the codelist: GUARANTEES AND OTHER UNFUNDED CONTINGENT LIABILITIES
    gettext_noop("Guarantees and other unfunded contingent liabilities"),
    # Translators: IATI FlowType 10; French in the codelist: APD
    gettext_noop("ODA"),
    # Translators: IATI FlowType 21; French in the codelist: AASP hors crédits-export
    gettext_noop("Non-export credit OOF"),
    # Translators: IATI FlowType 22; French in the codelist: AASP dont crédits export
    gettext_noop("Officially supported export credits"),
    # Translators: IATI FlowType 30; French in the codelist: Dons privés
    gettext_noop("Private grants"),
    # Translators: IATI FlowType 35; French in the codelist: Apports privés aux conditions du marché
    gettext_noop("Private market"),
    # Translators: IATI FlowType 36; French in the codelist: IDE
    gettext_noop("Private Foreign Direct Investment"),
    # Translators: IATI FlowType 37; French in the codelist: Autres apports privés aux conditions du marché
    gettext_noop("Other Private flows at market terms"),
    # Translators: IATI FlowType 40; French in the codelist: non apports
    gettext_noop("Non flow"),
    # Translators: IATI FlowType 50; French in the codelist: Autres apports
    gettext_noop("Other flows"),
    # Translators: IATI OrganisationType 10; French in the codelist: Gouvernement
    gettext_noop("Government"),
    # Translators: IATI OrganisationType 11
    gettext_noop("Local Government"),
    # Translators: IATI OrganisationType 15; French in the codelist: Autre secteur public
    gettext_noop("Other Public Sector"),
    # Translators: IATI OrganisationType 21; French in the codelist: ONG internationale
    gettext_noop("International NGO"),
    # Translators: IATI OrganisationType 22; French in the codelist: ONG nationale
    gettext_noop("National NGO"),
    # Translators: IATI OrganisationType 23; French in the codelist: ONG regionale
    gettext_noop("Regional NGO"),
    # Translators: IATI OrganisationType 24
    gettext_noop("Partner Country based NGO"),
    # Translators: IATI OrganisationType 30; French in the codelist: Partenariat public-privé
    gettext_noop("Public Private Partnership"),
    # Translators: IATI OrganisationType 40; French in the codelist: Multilatéral
    gettext_noop("Multilateral"),
    # Translators: IATI OrganisationType 60; French in the codelist: Fondation
    gettext_noop("Foundation"),
    # Translators: IATI OrganisationType 70; French in the codelist: Secteur privé
    gettext_noop("Private Sector"),
    # Translators: IATI OrganisationType 71
    gettext_noop("Private Sector in Provider Country"),
    # Translators: IATI OrganisationType 72
    gettext_noop("Private Sector in Aid Recipient Country"),
    # Translators: IATI OrganisationType 73
    gettext_noop("Private Sector in Third Country"),
    # Translators: IATI OrganisationType 80; French in the codelist: Universitaire, formation et recherche
    gettext_noop("Academic, Training and Research"),
    # Translators: IATI OrganisationType 90
    gettext_noop("Other"),
    # Translators: IATI ResultType 1; French in the codelist: Donateur
    gettext_noop("Output"),
    # Translators: IATI ResultType 2; French in the codelist: Effet
    gettext_noop("Outcome"),
    # Translators: IATI ResultType 3; French in the codelist: Impact
    gettext_noop("Impact"),
    # Translators: IATI TransactionType 1
    gettext_noop("Incoming Funds"),
    # Translators: IATI TransactionType 2
    gettext_noop("Outgoing Commitment"),
    # Translators: IATI TransactionType 3
    gettext_noop("Disbursement"),
    # Translators: IATI TransactionType 4
    gettext_noop("Expenditure"),
    # Translators: IATI TransactionType 5
    gettext_noop("Interest Payment"),
    # Translators: IATI TransactionType 6
    gettext_noop("Loan Repayment"),
    # Translators: IATI TransactionType 7
    gettext_noop("Reimbursement"),
    # Translators: IATI TransactionType 8
    gettext_noop("Purchase of Equity"),
    # Translators: IATI TransactionType 9
    gettext_noop("Sale of Equity"),
    # Translators: IATI TransactionType 10
    gettext_noop("Credit Guarantee"),
    # Translators: IATI TransactionType 11
    gettext_noop("Incoming Commitment"),
    # Translators: IATI TransactionType 12
    gettext_noop("Outgoing Pledge"),
    # Translators: IATI TransactionType 13
    gettext_noop("Incoming Pledge"),
)
